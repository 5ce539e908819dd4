package fr.rdz.routing.shared.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.rdz.kit.clients.ClientAddressRule;
import fr.rdz.kit.clients.RateLimitKey;
import fr.rdz.kit.clients.RefusingARequest;
import fr.rdz.kit.clients.RequestBudgets;
import fr.rdz.routing.config.PublicRoutesProperties;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The per-client rate limit of routing's public routes ({@code /public/**}: opposition, proof packs),
 * the same rule as intake's: the client is the address service-kit's {@link ClientAddressRule} reads
 * with {@code rdz.public-routes.trusted-proxies} (forwarded headers count only from a trusted proxy),
 * its budget a {@link RequestBudgets} window of {@code rate-limit.requests-per-period} per period
 * (bounded, expiring). Over it: 429, {@code Retry-After} and a French problem. Runs after the
 * security chain, before any body is read.
 */
@Component
public class PublicRoutesRateLimit implements WebFilter, Ordered {

    static final String TOO_MANY = "Trop de requêtes : merci de réessayer dans quelques secondes.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ClientAddressRule clients;
    private final boolean enabled;
    private final RequestBudgets budgets;

    public PublicRoutesRateLimit(PublicRoutesProperties properties) {
        this.clients = ClientAddressRule.of(properties.trustedProxies());
        PublicRoutesProperties.RateLimit rate = properties.rateLimit();
        this.enabled = rate.enabled();
        this.budgets = new RequestBudgets(rate.requestsPerPeriod(), rate.period(), rate.maxTrackedClients());
    }

    @Override
    public int getOrder() {
        return 0;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!enabled || !path.startsWith("/public/") || budgets.take(limitKey(exchange.getRequest()))) {
            return chain.filter(exchange);
        }
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, budgets.retryAfterSeconds());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return RefusingARequest.afterItsBody(
                exchange,
                () -> response.writeWith(Mono.just(response.bufferFactory().wrap(problem()))));
    }

    /** The client's budget key; {@code ""} when the peer is unknown. */
    private String limitKey(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress peer = remote == null ? null : remote.getAddress();
        HttpHeaders headers = request.getHeaders();
        return clients.client(peer, lines(headers, "Forwarded"), lines(headers, "X-Forwarded-For"))
                .map(RateLimitKey::of)
                .orElse("");
    }

    private static List<String> lines(HttpHeaders headers, String name) {
        List<String> values = headers.get(name);
        return values == null ? List.of() : values;
    }

    private static byte[] problem() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:rdz:problem:rate_limited");
        body.put("title", HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase());
        body.put("status", HttpStatus.TOO_MANY_REQUESTS.value());
        body.put("detail", TOO_MANY);
        body.put("error", "rate_limited");
        body.put("message", TOO_MANY);
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
