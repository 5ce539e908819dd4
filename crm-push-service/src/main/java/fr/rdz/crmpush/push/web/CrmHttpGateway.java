package fr.rdz.crmpush.push.web;

import fr.rdz.crmpush.push.application.CrmGateway;
import fr.rdz.crmpush.push.domain.PushResult;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;

/**
 * One POST per lead, {@code Authorization: <api key>} (the seed's format), through a non-blocking WebClient, guarded
 * per CRM host ({@code host:port}): a resilience4j circuit breaker (5xx, timeouts and connection errors count as
 * failures; an open circuit answers at once, nothing is sent), a time limiter, and an in-flight bound (bulkhead) so
 * that a slow or hanging CRM cannot hold more than its share of calls and other clients' pushes go on.
 */
public class CrmHttpGateway implements CrmGateway {

    /** Registry configuration name ({@code resilience4j.*.configs.crm}) every host gets. */
    public static final String CONFIG = "crm";

    private final WebClient web;
    private final CircuitBreakerRegistry circuitBreakers;
    private final TimeLimiterRegistry timeLimiters;
    private final BulkheadRegistry bulkheads;
    private final Duration maxQueueWait;
    private final Map<String, Guard> guards = new ConcurrentHashMap<>();

    public CrmHttpGateway(
            WebClient web,
            CircuitBreakerRegistry circuitBreakers,
            TimeLimiterRegistry timeLimiters,
            BulkheadRegistry bulkheads,
            Duration maxQueueWait) {
        this.web = web;
        this.circuitBreakers = circuitBreakers;
        this.timeLimiters = timeLimiters;
        this.bulkheads = bulkheads;
        this.maxQueueWait = maxQueueWait;
    }

    @Override
    public Mono<PushResult> push(String apiUrl, String apiKey, Map<String, Object> payload) {
        URI uri;
        try {
            uri = URI.create(apiUrl);
        } catch (IllegalArgumentException e) {
            return Mono.just(PushResult.failed("invalid api_url"));
        }
        if (uri.getHost() == null) {
            return Mono.just(PushResult.failed("invalid api_url"));
        }
        Guard guard = guard(host(uri));
        if (!guard.circuitBreaker.tryAcquirePermission()) {
            return Mono.just(PushResult.retry("circuit open for " + guard.host, false));
        }
        // the permission above was only a fast check: the operator below takes the real one
        guard.circuitBreaker.releasePermission();
        return guard.gate
                .run(() -> post(uri, apiKey, payload)
                        .transformDeferred(TimeLimiterOperator.of(guard.timeLimiter))
                        .transformDeferred(CircuitBreakerOperator.of(guard.circuitBreaker)))
                .map(answer -> PushResult.answered(answer.status(), answer.body()))
                .onErrorResume(e -> Mono.just(failure(e, guard.host)));
    }

    private Mono<Answer> post(URI uri, String apiKey, Map<String, Object> payload) {
        return web.post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, apiKey)
                .bodyValue(payload)
                .exchangeToMono(response -> response.bodyToMono(String.class)
                        .defaultIfEmpty("")
                        .map(body -> new Answer(response.statusCode().value(), body)))
                .flatMap(answer -> answer.status() >= 500 ? Mono.error(new CrmServerError(answer)) : Mono.just(answer));
    }

    private static PushResult failure(Throwable e, String host) {
        if (e instanceof CrmServerError server) {
            return PushResult.answered(server.answer.status(), server.answer.body());
        }
        if (e instanceof CallNotPermittedException) {
            return PushResult.retry("circuit open for " + host, false);
        }
        if (e instanceof BulkheadFullException) {
            return PushResult.retry("too many calls in flight to " + host, false);
        }
        if (e instanceof TimeoutException) {
            return PushResult.retry("timeout", true);
        }
        if (e instanceof WebClientRequestException) {
            return PushResult.retry("connection error", true);
        }
        return PushResult.retry("error: " + e.getClass().getSimpleName(), true);
    }

    private Guard guard(String host) {
        return guards.computeIfAbsent(
                host,
                h -> new Guard(
                        h,
                        circuitBreakers.circuitBreaker(h, CONFIG),
                        timeLimiters.timeLimiter(h, CONFIG),
                        new InFlightGate(bulkheads.bulkhead(h, CONFIG), maxQueueWait)));
    }

    static String host(URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort() : ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
        return uri.getHost() + ":" + port;
    }

    /** The circuit breaker of a host, for health and tests. */
    public CircuitBreaker circuitBreaker(String apiUrl) {
        return guard(host(URI.create(apiUrl))).circuitBreaker;
    }

    private record Guard(String host, CircuitBreaker circuitBreaker, TimeLimiter timeLimiter, InFlightGate gate) {}

    record Answer(int status, String body) {}

    static final class CrmServerError extends RuntimeException {
        final Answer answer;

        CrmServerError(Answer answer) {
            super("HTTP " + answer.status(), null, false, false);
            this.answer = answer;
        }
    }
}
