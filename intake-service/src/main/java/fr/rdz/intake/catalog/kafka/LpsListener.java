package fr.rdz.intake.catalog.kafka;

import fr.rdz.events.Envelope;
import fr.rdz.events.LpSnapshot;
import fr.rdz.events.Topics;
import fr.rdz.intake.catalog.mongo.MongoCatalog;
import java.time.Duration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the local LP catalog up to date from the compacted {@code rdz.catalog.lps.v1}. */
@Component
public class LpsListener {

    private final MongoCatalog catalog;

    public LpsListener(MongoCatalog catalog) {
        this.catalog = catalog;
    }

    // every instance reads the whole catalog: its memory copy answers the lead submissions it gets
    // (a shared group would split the partitions among the instances, and a form known to one only)
    @KafkaListener(
            id = "intake-catalog-lps",
            groupId = "intake-catalog-lps-${random.uuid}",
            topics = Topics.CATALOG_LPS)
    public void on(Envelope<?> envelope) {
        if (envelope.payload() instanceof LpSnapshot lp) {
            catalog.save(lp).block(Duration.ofSeconds(30));
        }
    }
}
