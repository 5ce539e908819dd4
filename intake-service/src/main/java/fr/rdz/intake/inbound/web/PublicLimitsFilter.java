package fr.rdz.intake.inbound.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.rdz.intake.config.IntakeProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Limits on {@code /public/**}, checked before any body is read: a declared body over
 * {@code max-body} → 413; more than {@code rate-limit.requests-per-period} requests per period from
 * one client ({@link Callers#limitKey}) → 429 with {@code Retry-After}. The budgets live in a
 * bounded cache: at most {@code rate-limit.max-tracked-clients} entries of a parsed address (≤ 40
 * characters) and a fixed window each — about 200 bytes per entry, 10 MB at the default 50,000 —,
 * the least used forgotten first and every entry one period after its last request (a forgotten
 * client starts a fresh window, exactly as it would one period later). Runs after the security
 * chain, so refusals still carry the CORS headers a browser needs to read them.
 */
@Component
public class PublicLimitsFilter implements WebFilter, Ordered {

    static final String TOO_MANY = "Trop de requêtes : merci de réessayer dans quelques secondes.";

    private final Callers callers;
    private final long maxBody;
    private final long maxImport;
    private final boolean limitRate;
    private final int limit;
    private final long periodNanos;
    private final String retryAfter;
    private final Cache<String, Window> windows;

    public PublicLimitsFilter(Callers callers, IntakeProperties properties) {
        this.callers = callers;
        this.maxBody = properties.maxBody().toBytes();
        this.maxImport = properties.maxImport().toBytes();
        IntakeProperties.RateLimit rate = properties.rateLimit();
        this.limitRate = rate.enabled();
        this.limit = rate.requestsPerPeriod();
        this.periodNanos = rate.period().toNanos();
        this.retryAfter = String.valueOf(Math.max(1, (rate.period().toMillis() + 999) / 1000));
        this.windows = Caffeine.newBuilder()
                .maximumSize(rate.maxTrackedClients())
                .expireAfterAccess(rate.period())
                .build();
    }

    @Override
    public int getOrder() {
        return 0;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        boolean publicRoute = path.startsWith("/public/");
        long max = publicRoute ? maxBody : path.startsWith("/admin/leads/import") ? maxImport : -1;
        if (max < 0) {
            return chain.filter(exchange);
        }
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > max) {
            return refuse(
                    exchange.getResponse(), HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large", PublicBodies.TOO_LARGE);
        }
        if (publicRoute && limitRate && !allowed(callers.limitKey(exchange.getRequest()))) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfter);
            return refuse(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS, "rate_limited", TOO_MANY);
        }
        return chain.filter(exchange);
    }

    /** How many clients' budgets are remembered now (after pending evictions). */
    public long trackedClients() {
        windows.cleanUp();
        return windows.estimatedSize();
    }

    private boolean allowed(String client) {
        long now = System.nanoTime();
        return windows.get(client, key -> new Window(now)).take(now, periodNanos, limit);
    }

    private static Mono<Void> refuse(ServerHttpResponse response, HttpStatus status, String code, String message) {
        response.setStatusCode(status);
        response.getHeaders().setContentType(ErrorAnswer.PROBLEM_JSON);
        byte[] body = ErrorAnswer.of(status, code, message).json();
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    /** One client's fixed window: when it started and how many requests it took. */
    private static final class Window {

        private long start;
        private int used;

        Window(long start) {
            this.start = start;
        }

        synchronized boolean take(long now, long period, int limit) {
            if (now - start >= period) {
                start = now;
                used = 0;
            }
            if (used >= limit) {
                return false;
            }
            used++;
            return true;
        }
    }
}
