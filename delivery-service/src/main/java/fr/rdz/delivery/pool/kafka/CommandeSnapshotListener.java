package fr.rdz.delivery.pool.kafka;

import fr.rdz.delivery.pool.application.KeepingPoolView;
import fr.rdz.events.CommandeSnapshot;
import fr.rdz.events.Envelope;
import fr.rdz.events.Topics;
import java.time.Duration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Hands every {@code CommandeSnapshot} of {@link Topics#CATALOG_COMMANDES} to {@link KeepingPoolView}. */
@Component
class CommandeSnapshotListener {

    private final KeepingPoolView pool;

    CommandeSnapshotListener(KeepingPoolView pool) {
        this.pool = pool;
    }

    @KafkaListener(id = "delivery-catalog-commandes", idIsGroup = false, topics = Topics.CATALOG_COMMANDES)
    void on(Envelope<?> envelope) {
        if (envelope.payload() instanceof CommandeSnapshot event) {
            pool.commande(event).block(Duration.ofSeconds(30));
        }
    }
}
