package fr.rdz.delivery.pool.kafka;

import fr.rdz.delivery.pool.application.KeepingPoolView;
import fr.rdz.events.Envelope;
import fr.rdz.events.LeadRejected;
import fr.rdz.events.Topics;
import java.time.Duration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Hands every {@code LeadRejected} of {@link Topics#LEAD_REJECTED} to {@link KeepingPoolView}. */
@Component
class LeadRejectedListener {

    private final KeepingPoolView pool;

    LeadRejectedListener(KeepingPoolView pool) {
        this.pool = pool;
    }

    @KafkaListener(id = "delivery-lead-rejected", idIsGroup = false, topics = Topics.LEAD_REJECTED)
    void on(Envelope<?> envelope) {
        if (envelope.payload() instanceof LeadRejected event) {
            pool.leadRejected(event).block(Duration.ofSeconds(30));
        }
    }
}
