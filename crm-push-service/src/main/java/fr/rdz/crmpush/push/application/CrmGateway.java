package fr.rdz.crmpush.push.application;

import fr.rdz.crmpush.push.domain.PushResult;
import java.util.Map;
import reactor.core.publisher.Mono;

/** The client CRMs: one POST, guarded per host (circuit breaker, time limiter, in-flight bound). Never errors: every failure is a {@link PushResult}. */
public interface CrmGateway {

    Mono<PushResult> push(String apiUrl, String apiKey, Map<String, Object> payload);
}
