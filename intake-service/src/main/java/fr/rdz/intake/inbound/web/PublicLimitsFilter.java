package fr.rdz.intake.inbound.web;

import fr.rdz.intake.config.IntakeProperties;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Limits on {@code /public/**}, checked before any body is read: a declared body over
 * {@code max-body} → 413; more than {@code rate-limit.requests-per-period} requests per period from
 * one IP → 429 with {@code Retry-After} (one resilience4j {@link RateLimiter} per IP). Runs after
 * the security chain, so refusals still carry the CORS headers a browser needs to read them.
 */
@Component
public class PublicLimitsFilter implements WebFilter, Ordered {

    static final String TOO_MANY = "Trop de requêtes : merci de réessayer dans quelques secondes.";
    private static final int MAX_TRACKED_IPS = 100_000;

    private final Callers callers;
    private final long maxBody;
    private final long maxImport;
    private final boolean limitRate;
    private final RateLimiterConfig config;
    private final String retryAfter;
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();

    public PublicLimitsFilter(Callers callers, IntakeProperties properties) {
        this.callers = callers;
        this.maxBody = properties.maxBody().toBytes();
        this.maxImport = properties.maxImport().toBytes();
        IntakeProperties.RateLimit rate = properties.rateLimit();
        this.limitRate = rate.enabled();
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(rate.requestsPerPeriod())
                .limitRefreshPeriod(rate.period())
                .timeoutDuration(Duration.ZERO)
                .build();
        this.retryAfter = String.valueOf(Math.max(1, (rate.period().toMillis() + 999) / 1000));
    }

    @Override
    public int getOrder() {
        return 0;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        boolean publicRoute = path.startsWith("/public/");
        long limit = publicRoute ? maxBody : path.startsWith("/admin/leads/import") ? maxImport : -1;
        if (limit < 0) {
            return chain.filter(exchange);
        }
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > limit) {
            return refuse(
                    exchange.getResponse(), HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large", PublicBodies.TOO_LARGE);
        }
        if (publicRoute
                && limitRate
                && !limiterOf(callers.ip(exchange.getRequest())).acquirePermission()) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfter);
            return refuse(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS, "rate_limited", TOO_MANY);
        }
        return chain.filter(exchange);
    }

    private RateLimiter limiterOf(String ip) {
        if (limiters.size() > MAX_TRACKED_IPS) {
            limiters.clear(); // crude bound on memory: every IP starts a fresh period
        }
        return limiters.computeIfAbsent(ip, key -> RateLimiter.of("public-" + key, config));
    }

    private static Mono<Void> refuse(ServerHttpResponse response, HttpStatus status, String code, String message) {
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        byte[] body = ErrorAnswer.of(code, message).json().getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
