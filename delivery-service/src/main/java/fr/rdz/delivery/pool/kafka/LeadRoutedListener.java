package fr.rdz.delivery.pool.kafka;

import fr.rdz.delivery.pool.application.KeepingPoolView;
import fr.rdz.events.Envelope;
import fr.rdz.events.LeadRouted;
import fr.rdz.events.Topics;
import java.time.Duration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Hands every {@code LeadRouted} of {@link Topics#LEAD_ROUTED} to {@link KeepingPoolView}. */
@Component
class LeadRoutedListener {

    private final KeepingPoolView pool;

    LeadRoutedListener(KeepingPoolView pool) {
        this.pool = pool;
    }

    @KafkaListener(id = "delivery-lead-routed", idIsGroup = false, topics = Topics.LEAD_ROUTED)
    void on(Envelope<?> envelope) {
        if (envelope.payload() instanceof LeadRouted event) {
            pool.leadRouted(event).block(Duration.ofSeconds(30));
        }
    }
}
