package fr.rdz.kit.clients;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Who the client is (spec §12): forwarded headers count only when the peer is one of the trusted
 * proxies. Then the proxy chain is read from the right — each proxy appends the address it received
 * the request from — and the client is the rightmost hop that is not itself a trusted proxy. A hop
 * that is no address ({@code unknown}, an obfuscated id, garbage) ends the walk: the client is then
 * the last trusted hop. Everything left of the client was written by the client and proves nothing.
 * {@code Forwarded} (RFC 7239, {@code for=}) is read when present, else {@code X-Forwarded-For}.
 * With no trusted proxy (the default), the client is always the peer.
 */
public final class ClientAddressRule {

    /** At most this many hops are read from the right of a chain. */
    static final int MAX_HOPS = 32;

    private final List<IpRange> trustedProxies;

    public ClientAddressRule(List<IpRange> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    public static ClientAddressRule of(List<String> cidrs) {
        return new ClientAddressRule(
                cidrs.stream().filter(c -> !c.isBlank()).map(IpRange::parse).toList());
    }

    /**
     * @param peer the address of the TCP peer (null when unknown)
     * @param forwarded the {@code Forwarded} header lines, in order
     * @param forwardedFor the {@code X-Forwarded-For} header lines, in order
     */
    public Optional<InetAddress> client(InetAddress peer, List<String> forwarded, List<String> forwardedFor) {
        if (peer == null) {
            return Optional.empty();
        }
        if (!isTrusted(peer)) {
            return Optional.of(peer);
        }
        List<String> hops = !forwarded.isEmpty() ? forwardedForParameters(forwarded) : lastHops(forwardedFor);
        InetAddress client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpLiteral.parse(hops.get(i));
            if (hop.isEmpty()) {
                return Optional.of(client);
            }
            client = hop.get();
            if (!isTrusted(client)) {
                return Optional.of(client);
            }
        }
        return Optional.of(client);
    }

    public boolean isTrusted(InetAddress address) {
        for (IpRange range : trustedProxies) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** The last {@link #MAX_HOPS} comma-separated entries of the header lines, left to right. */
    private static List<String> lastHops(List<String> lines) {
        List<String> reversed = new ArrayList<>();
        for (int l = lines.size() - 1; l >= 0 && reversed.size() < MAX_HOPS; l--) {
            String line = lines.get(l);
            int end = line.length();
            while (end >= 0 && reversed.size() < MAX_HOPS) {
                int comma = line.lastIndexOf(',', end - 1);
                reversed.add(line.substring(comma + 1, end));
                end = comma;
            }
        }
        Collections.reverse(reversed);
        return reversed;
    }

    /** The {@code for=} value of each forwarded element ({@code null} when an element has none). */
    private static List<String> forwardedForParameters(List<String> lines) {
        List<String> elements = lastHops(lines);
        List<String> fors = new ArrayList<>(elements.size());
        for (String element : elements) {
            String value = null;
            for (String pair : element.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).strip().equalsIgnoreCase("for")) {
                    value = pair.substring(eq + 1);
                }
            }
            fors.add(value);
        }
        return fors;
    }
}
