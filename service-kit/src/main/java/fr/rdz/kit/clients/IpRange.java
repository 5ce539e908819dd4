package fr.rdz.kit.clients;

import java.net.InetAddress;

/** A CIDR block ({@code 10.0.0.0/8}, {@code fd00::/8}) or one address ({@code 192.0.2.7}). */
public final class IpRange {

    private final byte[] network;
    private final int prefix;
    private final String text;

    private IpRange(byte[] network, int prefix, String text) {
        this.network = network;
        this.prefix = prefix;
        this.text = text;
    }

    /** Parses a setting; refuses (IllegalArgumentException) anything that is not an address or a CIDR block. */
    public static IpRange parse(String cidr) {
        String s = cidr == null ? "" : cidr.strip();
        int slash = s.indexOf('/');
        String address = slash < 0 ? s : s.substring(0, slash);
        byte[] bytes = IpLiteral.parse(address)
                .map(InetAddress::getAddress)
                .orElseThrow(() -> new IllegalArgumentException("not an IP address or CIDR block: '" + cidr + "'"));
        int bits = bytes.length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(s.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a CIDR prefix length: '" + cidr + "'");
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("CIDR prefix length out of range: '" + cidr + "'");
        }
        return new IpRange(bytes, prefix, s);
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int whole = prefix / 8;
        for (int i = 0; i < whole; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (candidate[whole] & mask) == (network[whole] & mask);
    }

    @Override
    public String toString() {
        return text;
    }
}
