package fr.rdz.routing.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.routing.config.PublicRoutesProperties;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Routing's public routes spend a per-client budget (the kit's client-address rule): over it, 429 with
 * {@code Retry-After} and a French problem; a forged {@code X-Forwarded-For} from a peer that is no
 * trusted proxy is ignored, so it cannot buy a fresh budget.
 */
class PublicRoutesRateLimitTest {

    /** 3 requests per hour (no window can end during the test), the load balancer 10.0.0.0/8 trusted. */
    private final PublicRoutesRateLimit filter = new PublicRoutesRateLimit(new PublicRoutesProperties(
            List.of("10.0.0.0/8"), new PublicRoutesProperties.RateLimit(true, 3, Duration.ofHours(1), 1000)));

    private final AtomicInteger passed = new AtomicInteger();
    private final WebFilterChain chain = exchange -> {
        passed.incrementAndGet();
        return Mono.empty();
    };

    @Test
    void overTheBudgetAClientGets429WithRetryAfterAndAFrenchProblem() {
        for (int i = 0; i < 3; i++) {
            assertThat(call("/public/opposition", "198.51.100.7", null)
                            .getResponse()
                            .getStatusCode())
                    .isNull();
        }
        MockServerWebExchange refused = call("/public/consent-proofs/lead-1", "198.51.100.7", null);

        assertThat(passed).hasValue(3);
        assertThat(refused.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                .isEqualTo("3600");
        assertThat(refused.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getResponse().getBodyAsString().block(Duration.ofSeconds(5)))
                .contains("\"status\":429")
                .contains("\"error\":\"rate_limited\"")
                .contains("Trop de requêtes");
        // another client keeps its own budget
        assertThat(call("/public/opposition", "198.51.100.8", null)
                        .getResponse()
                        .getStatusCode())
                .isNull();
        assertThat(passed).hasValue(4);
    }

    @Test
    void aForgedForwardedForFromAnUntrustedPeerDoesNotResetTheBudget() {
        for (int i = 0; i < 3; i++) {
            call("/public/opposition", "198.51.100.9", "203.0.113." + i);
        }
        MockServerWebExchange forged = call("/public/opposition", "198.51.100.9", "203.0.113.99");

        assertThat(passed).hasValue(3);
        assertThat(forged.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void behindATrustedProxyEachForwardedClientHasItsOwnBudget() {
        for (int i = 0; i < 4; i++) {
            call("/public/opposition", "10.1.2.3", "203.0.113." + i);
        }
        assertThat(passed).hasValue(4);
        for (int i = 0; i < 3; i++) {
            call("/public/opposition", "10.1.2.3", "203.0.113.50");
        }
        assertThat(call("/public/opposition", "10.1.2.3", "203.0.113.50")
                        .getResponse()
                        .getStatusCode())
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void otherRoutesAreNotCounted() {
        for (int i = 0; i < 10; i++) {
            call("/admin/leads", "198.51.100.10", null);
        }
        assertThat(passed).hasValue(10);
    }

    private MockServerWebExchange call(String path, String peer, String forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> request =
                MockServerHttpRequest.get(path).remoteAddress(new InetSocketAddress(peer, 40_000));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        filter.filter(exchange, chain).block(Duration.ofSeconds(5));
        return exchange;
    }
}
