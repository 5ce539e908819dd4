package fr.rdz.crmpush.push.kafka;

import fr.rdz.crmpush.push.application.ErasingPerson;
import fr.rdz.events.Envelope;
import fr.rdz.events.PersonErased;
import fr.rdz.events.Topics;
import java.time.Duration;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * {@code rdz.person.erased.v1} → {@link ErasingPerson}. Its own container factory: an erasure is retried
 * (backing off up to a minute) until Mongo takes it, never skipped to a dead-letter topic.
 */
public class PersonErasedListener {

    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    private final ErasingPerson erasing;

    public PersonErasedListener(ErasingPerson erasing) {
        this.erasing = erasing;
    }

    @KafkaListener(
            id = "crm-push-person-erased",
            groupId = "${spring.kafka.consumer.group-id}",
            topics = Topics.PERSON_ERASED,
            containerFactory = "personErasedListenerContainerFactory")
    public void on(Envelope<?> envelope) {
        if (envelope.payload() instanceof PersonErased event) {
            erasing.erase(event).block(TIMEOUT);
        }
    }
}
