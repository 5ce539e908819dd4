package fr.rdz.delivery.pool.kafka;

import fr.rdz.delivery.pool.application.KeepingPoolView;
import fr.rdz.events.ClientSnapshot;
import fr.rdz.events.Envelope;
import fr.rdz.events.Topics;
import java.time.Duration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Hands every {@code ClientSnapshot} of {@link Topics#CATALOG_CLIENTS} to {@link KeepingPoolView}. */
@Component
class ClientSnapshotListener {

    private final KeepingPoolView pool;

    ClientSnapshotListener(KeepingPoolView pool) {
        this.pool = pool;
    }

    @KafkaListener(id = "delivery-catalog-clients", idIsGroup = false, topics = Topics.CATALOG_CLIENTS)
    void on(Envelope<?> envelope) {
        if (envelope.payload() instanceof ClientSnapshot event) {
            pool.client(event).block(Duration.ofSeconds(30));
        }
    }
}
