package fr.rdz.crmpush.push.application;

import reactor.core.publisher.Mono;

/** Publishes {@code DeliveryOutcome} events (completes once the broker acknowledged). */
public interface OutcomePublisher {

    Mono<Void> publish(PendingOutcome pending);
}
