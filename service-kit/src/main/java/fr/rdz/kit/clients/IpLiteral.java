package fr.rdz.kit.clients;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * An IP address written as text (a forwarded-header hop, a proxy setting), parsed without ever
 * asking DNS: dotted IPv4, IPv6 (optionally in brackets), with an optional port; anything else
 * ({@code unknown}, an obfuscated RFC 7239 identifier, a host name, garbage) is no address.
 */
public final class IpLiteral {

    private static final int LONGEST = 64;

    private IpLiteral() {}

    public static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        if (s.length() > 1 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        if (s.isEmpty() || s.length() > LONGEST) {
            return Optional.empty();
        }
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            return close < 0 ? Optional.empty() : ipv6(s.substring(1, close));
        }
        int colon = s.indexOf(':');
        if (colon < 0) {
            return ipv4(s);
        }
        if (s.indexOf(':', colon + 1) < 0) {
            return ipv4(s.substring(0, colon)); // a.b.c.d:port
        }
        return ipv6(s);
    }

    private static Optional<InetAddress> ipv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
            int value = Integer.parseInt(p);
            if (value > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) value;
        }
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Optional<InetAddress> ipv6(String s) {
        if (s.isEmpty()
                || s.indexOf(':') < 0
                || !s.chars()
                        .allMatch(c -> c == ':'
                                || c == '.'
                                || (c >= '0' && c <= '9')
                                || (c >= 'a' && c <= 'f')
                                || (c >= 'A' && c <= 'F'))) {
            return Optional.empty();
        }
        try {
            // in brackets the JDK parses a literal or fails: it never falls back to a DNS lookup
            return Optional.of(InetAddress.getByName("[" + s + "]"));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
