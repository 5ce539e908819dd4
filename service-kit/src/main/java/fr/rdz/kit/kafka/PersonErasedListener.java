package fr.rdz.kit.kafka;

import fr.rdz.events.Envelope;
import fr.rdz.events.PersonErased;
import fr.rdz.events.Topics;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * {@code rdz.person.erased.v1} → the service's {@link PersonErasure}, in the service's consumer group
 * ({@code spring.kafka.consumer.group-id}, or {@code rdz.kafka.person-erased.group-id} for a service that keeps the
 * committed offsets of the group it consumed erasures in before). An erasure waits at most {@link #TIMEOUT}; a failure is thrown back to
 * its container ({@code personErasedListenerContainerFactory}), which retries it, backing off up to a minute, until
 * it is done: an erasure is never skipped to a dead-letter topic.
 */
public class PersonErasedListener {

    private static final Logger log = LoggerFactory.getLogger(PersonErasedListener.class);

    public static final Duration TIMEOUT = Duration.ofMinutes(1);

    private final PersonErasure erasure;

    public PersonErasedListener(PersonErasure erasure) {
        this.erasure = erasure;
    }

    @KafkaListener(
            id = "${spring.application.name}-person-erased",
            idIsGroup = false,
            groupId = "${rdz.kafka.person-erased.group-id:${spring.kafka.consumer.group-id}}",
            topics = Topics.PERSON_ERASED,
            containerFactory = "personErasedListenerContainerFactory")
    public void on(Envelope<?> envelope) {
        if (envelope != null && envelope.payload() instanceof PersonErased event) {
            Object erased = erasure.erase(event).block(TIMEOUT);
            log.info("person erased: {}", erased == null ? "done" : erased);
        }
    }
}
