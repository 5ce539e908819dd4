package fr.rdz.notifier.email.kafka;

import fr.rdz.events.DeliveryOutcome;
import fr.rdz.events.Envelope;
import fr.rdz.notifier.email.application.EmailMeters;
import fr.rdz.notifier.email.application.OutcomePublisher;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** {@code DeliveryOutcome} to {@code rdz.delivery.outcome.v1}, keyed by client id, waiting for the broker's acknowledgement. */
@Component
class KafkaOutcomePublisher implements OutcomePublisher {

    static final String PRODUCER = "notifier-service";

    private final KafkaTemplate<String, Envelope<?>> kafka;
    private final Clock clock;
    private final EmailMeters meters;

    KafkaOutcomePublisher(KafkaTemplate<String, Envelope<?>> kafka, Clock clock, EmailMeters meters) {
        this.meters = meters;
        this.kafka = kafka;
        this.clock = clock;
    }

    @Override
    public void publish(UUID eventId, DeliveryOutcome outcome) {
        Envelope<DeliveryOutcome> envelope = Envelope.of(eventId, outcome, PRODUCER, clock.instant());
        try {
            kafka.send(envelope.topic(), envelope.key(), envelope).get(30, TimeUnit.SECONDS);
            meters.outcome(outcome);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing the outcome of " + outcome.batchId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the outcome of batch " + outcome.batchId() + " was not acknowledged", e);
        }
    }
}
