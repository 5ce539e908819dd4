package fr.rdz.intake.inbound.web;

import fr.rdz.intake.config.IntakeProperties;
import fr.rdz.kit.clients.ClientAddressRule;
import fr.rdz.kit.clients.RateLimitKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Who is calling: the client address as the chain of trusted proxies ({@code rdz.intake.trusted-proxies})
 * defines it — the peer itself when it is no trusted proxy — and the user agent. The same address is
 * used for the rate limit and kept in the consent proof.
 */
@Component
public class Callers {

    private static final String FORWARDED = "Forwarded";
    private static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private final ClientAddressRule clients;

    public Callers(IntakeProperties properties) {
        this.clients = ClientAddressRule.of(properties.trustedProxies());
    }

    /** The client's address as text ({@code ""} when the peer is unknown). */
    public String ip(ServerHttpRequest request) {
        return client(request).map(InetAddress::getHostAddress).orElse("");
    }

    /** The rate-limit key of the client (see {@link RateLimitKey}); {@code ""} when the peer is unknown. */
    public String limitKey(ServerHttpRequest request) {
        return client(request).map(RateLimitKey::of).orElse("");
    }

    public String userAgent(ServerHttpRequest request) {
        String ua = request.getHeaders().getFirst(HttpHeaders.USER_AGENT);
        return ua == null ? "" : ua;
    }

    private Optional<InetAddress> client(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress peer = remote == null ? null : remote.getAddress();
        HttpHeaders headers = request.getHeaders();
        return clients.client(peer, lines(headers, FORWARDED), lines(headers, X_FORWARDED_FOR));
    }

    private static List<String> lines(HttpHeaders headers, String name) {
        List<String> values = headers.get(name);
        return values == null ? List.of() : values;
    }
}
