package fr.rdz.notifier.email.application;

import fr.rdz.events.DeliveryOutcome;
import java.util.UUID;

/** Publishes a {@code DeliveryOutcome} and returns once the broker acknowledged it (throws otherwise). */
public interface OutcomePublisher {

    void publish(UUID eventId, DeliveryOutcome outcome);
}
