package fr.rdz.delivery.outcome.kafka;

import fr.rdz.delivery.outcome.application.RecordingDeliveryOutcomes;
import fr.rdz.events.DeliveryOutcome;
import fr.rdz.events.Envelope;
import fr.rdz.events.Topics;
import java.time.Duration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Hands every {@code DeliveryOutcome} of {@link Topics#DELIVERY_OUTCOME} to {@link RecordingDeliveryOutcomes}. */
@Component
class DeliveryOutcomeListener {

    private final RecordingDeliveryOutcomes outcomes;

    DeliveryOutcomeListener(RecordingDeliveryOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @KafkaListener(id = "delivery-delivery-outcome", idIsGroup = false, topics = Topics.DELIVERY_OUTCOME)
    @SuppressWarnings("unchecked")
    void on(Envelope<?> envelope) {
        if (envelope.payload() instanceof DeliveryOutcome) {
            outcomes.record((Envelope<DeliveryOutcome>) envelope).block(Duration.ofSeconds(30));
        }
    }
}
