package fr.rdz.delivery.run.application;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Publishes envelopes the outbox wrote (JSON, event id fixed) and completes once the broker acknowledged every one;
 * a failure no retry can cure is a {@link PermanentPublishFailure}.
 */
public interface EnvelopePublisher {

    Mono<Void> publish(List<String> envelopesJson);
}
