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

    @KafkaListener(id = "intake-catalog-forms", topics = Topics.CATALOG_FORMS)
    public void on(Envelope<?> envelope) {
        if (envelope.payload() instanceof FormSnapshot form) {
            catalog.save(form).block(Duration.ofSeconds(30));
        }
    }
}
