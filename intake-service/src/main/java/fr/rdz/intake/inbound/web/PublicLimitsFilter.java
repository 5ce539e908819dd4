package fr.rdz.intake.inbound.web;

import fr.rdz.intake.config.IntakeProperties;
import fr.rdz.kit.clients.RefusingARequest;
import fr.rdz.kit.clients.RequestBudgets;
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
 * one client ({@link Callers#limitKey}) → 429 with {@code Retry-After}. The budgets are service-kit's
 * {@link RequestBudgets}: at most {@code rate-limit.max-tracked-clients} entries — about 200 bytes
 * per entry, 10 MB at the default 50,000 —, each forgotten one period after its last request
 * (routing's public routes spend the same kind of budget). Runs after the security
 * chain, so refusals still carry the CORS headers a browser needs to read them.
 */
@Component
public class PublicLimitsFilter implements WebFilter, Ordered {

    static final String TOO_MANY = "Trop de requêtes : merci de réessayer dans quelques secondes.";

    private final Callers callers;
    private final long maxBody;
    private final long maxImport;
    private final boolean limitRate;
    private final RequestBudgets budgets;

    public PublicLimitsFilter(Callers callers, IntakeProperties properties) {
        this.callers = callers;
        this.maxBody = properties.maxBody().toBytes();
        this.maxImport = properties.maxImport().toBytes();
        IntakeProperties.RateLimit rate = properties.rateLimit();
        this.limitRate = rate.enabled();
        this.budgets = new RequestBudgets(rate.requestsPerPeriod(), rate.period(), rate.maxTrackedClients());
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
        if (publicRoute && limitRate && !budgets.take(callers.limitKey(exchange.getRequest()))) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, budgets.retryAfterSeconds());
            return RefusingARequest.afterItsBody(
                    exchange,
                    () -> refuse(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS, "rate_limited", TOO_MANY));
        }
        return chain.filter(exchange);
    }

    /** How many clients' budgets are remembered now (after pending evictions). */
    public long trackedClients() {
        return budgets.trackedClients();
    }

    private static Mono<Void> refuse(ServerHttpResponse response, HttpStatus status, String code, String message) {
        response.setStatusCode(status);
        response.getHeaders().setContentType(ErrorAnswer.PROBLEM_JSON);
        byte[] body = ErrorAnswer.of(status, code, message).json();
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
