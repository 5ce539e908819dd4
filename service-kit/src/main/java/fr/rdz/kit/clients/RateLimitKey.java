package fr.rdz.kit.clients;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Whose budget a request spends: an IPv4 client alone, an IPv6 client with its whole {@code /64}
 * (one subscriber line holds 2^64 addresses; one budget per address would be none). Always a short
 * text made from a parsed address, never header text.
 */
public final class RateLimitKey {

    private RateLimitKey() {}

    public static String of(InetAddress client) {
        if (client instanceof Inet6Address) {
            byte[] b = client.getAddress();
            StringBuilder key = new StringBuilder(24);
            for (int i = 0; i < 8; i += 2) {
                key.append(Integer.toHexString(((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF)))
                        .append(':');
            }
            return key.append(":/64").toString();
        }
        return client.getHostAddress();
    }
}
