package fr.rdz.intake.privacy.kafka;

import fr.rdz.events.Envelope;
import fr.rdz.events.PersonErased;
import fr.rdz.events.Topics;
import fr.rdz.intake.privacy.application.ErasingPerson;
import java.time.Duration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Hands every {@code PersonErased} of {@link Topics#PERSON_ERASED} to {@link ErasingPerson}
 * (consumer group {@code intake-person-erased}; error policy of intake's {@code KafkaConfig}).
 */
@Component
public class PersonErasedListener {

    private final ErasingPerson erasing;

    public PersonErasedListener(ErasingPerson erasing) {
        this.erasing = erasing;
    }

    @KafkaListener(id = "intake-person-erased", topics = Topics.PERSON_ERASED)
    public void on(Envelope<?> envelope) {
        if (envelope.payload() instanceof PersonErased event) {
            erasing.erase(event).block(Duration.ofMinutes(1));
        }
    }
}
