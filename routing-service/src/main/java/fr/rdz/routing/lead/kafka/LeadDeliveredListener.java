package fr.rdz.routing.lead.kafka;

import fr.rdz.events.Envelope;
import fr.rdz.events.LeadDelivered;
import fr.rdz.events.Topics;
import fr.rdz.routing.lead.application.RecordingDeliveries;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Hands every {@code LeadDelivered} to {@link RecordingDeliveries}; failures follow the service's one error policy (retries, then DLT). */
@Component
class LeadDeliveredListener {

    private static final Logger log = LoggerFactory.getLogger(LeadDeliveredListener.class);

    private final RecordingDeliveries deliveries;

    LeadDeliveredListener(RecordingDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @KafkaListener(id = "routing-LeadDelivered", idIsGroup = false, topics = Topics.LEAD_DELIVERED)
    @SuppressWarnings("unchecked")
    void on(Envelope<?> envelope) {
        if (envelope == null || !(envelope.payload() instanceof LeadDelivered)) {
            log.warn("Ignored a record of {} that is not a LeadDelivered", Topics.LEAD_DELIVERED);
            return;
        }
        deliveries.delivered((Envelope<LeadDelivered>) envelope).block(Duration.ofSeconds(30));
    }
}
