package fr.rdz.notifier.email.kafka;

import fr.rdz.events.Envelope;
import fr.rdz.events.PersonErased;
import fr.rdz.events.Topics;
import fr.rdz.notifier.email.application.ErasingPersonalData;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code rdz.person.erased.v1} → {@link ErasingPersonalData}: the kept CSVs and failed-mail batches holding the
 * person's phone are erased. A failure is thrown back to the container (redelivered); erasing twice changes nothing.
 */
@Component
class PersonErasedListener {

    private static final Logger log = LoggerFactory.getLogger(PersonErasedListener.class);

    private final ErasingPersonalData erasing;

    PersonErasedListener(ErasingPersonalData erasing) {
        this.erasing = erasing;
    }

    @KafkaListener(id = "notifier-person-erased", idIsGroup = false, topics = Topics.PERSON_ERASED)
    void on(Envelope<?> envelope) {
        if (envelope != null && envelope.payload() instanceof PersonErased event) {
            Long erased = erasing.personErased(event).block(Duration.ofSeconds(30));
            log.info("person erased: {} kept document(s) erased", erased);
        }
    }
}
