package fr.rdz.routing.lead.kafka;

import fr.rdz.events.DeliveryOutcome;
import fr.rdz.events.Envelope;
import fr.rdz.events.Topics;
import fr.rdz.routing.lead.application.RecordingDeliveries;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Hands every {@code DeliveryOutcome} to {@link RecordingDeliveries}; failures follow the service's one error policy (retries, then DLT). */
@Component
class DeliveryOutcomeListener {

    private static final Logger log = LoggerFactory.getLogger(DeliveryOutcomeListener.class);

    private final RecordingDeliveries deliveries;

    DeliveryOutcomeListener(RecordingDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @KafkaListener(id = "routing-DeliveryOutcome", idIsGroup = false, topics = Topics.DELIVERY_OUTCOME)
    @SuppressWarnings("unchecked")
    void on(Envelope<?> envelope) {
        if (envelope == null || !(envelope.payload() instanceof DeliveryOutcome)) {
            log.warn("Ignored a record of {} that is not a DeliveryOutcome", Topics.DELIVERY_OUTCOME);
            return;
        }
        deliveries.outcome((Envelope<DeliveryOutcome>) envelope).block(Duration.ofSeconds(30));
    }
}
