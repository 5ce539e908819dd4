package fr.rdz.delivery.pool.kafka;

import fr.rdz.delivery.pool.application.KeepingPoolView;
import fr.rdz.events.Envelope;
import fr.rdz.events.PersonErased;
import fr.rdz.events.Topics;
import java.time.Duration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Hands every {@code PersonErased} of {@link Topics#PERSON_ERASED} to {@link KeepingPoolView}. */
@Component
class PersonErasedListener {

    private final KeepingPoolView pool;

    PersonErasedListener(KeepingPoolView pool) {
        this.pool = pool;
    }

    @KafkaListener(id = "delivery-person-erased", idIsGroup = false, topics = Topics.PERSON_ERASED)
    void on(Envelope<?> envelope) {
        if (envelope.payload() instanceof PersonErased event) {
            pool.personErased(event).block(Duration.ofSeconds(30));
        }
    }
}
