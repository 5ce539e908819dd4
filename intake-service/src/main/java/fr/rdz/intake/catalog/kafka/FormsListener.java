package fr.rdz.intake.catalog.kafka;

import fr.rdz.events.Envelope;
import fr.rdz.events.FormSnapshot;
import fr.rdz.events.Topics;
import fr.rdz.intake.catalog.mongo.MongoCatalog;
import java.time.Duration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the local form catalog up to date from the compacted {@code rdz.catalog.forms.v1}. */
@Component
public class FormsListener {

    private final MongoCatalog catalog;

    public FormsListener(MongoCatalog catalog) {
        this.catalog = catalog;
    }

    // every instance reads the whole catalog: its memory copy answers the lead submissions it gets
    // (a shared group would split the partitions among the instances, and a form known to one only)
    @KafkaListener(
            id = "intake-catalog-forms",
            groupId = "intake-catalog-forms-${random.uuid}",
            topics = Topics.CATALOG_FORMS)
    public void on(Envelope<?> envelope) {
        if (envelope.payload() instanceof FormSnapshot form) {
            catalog.save(form).block(Duration.ofSeconds(30));
        }
    }
}
