package fr.rdz.notifier.email.mongo;

import fr.rdz.kit.metrics.OpenDeadLetters;
import fr.rdz.notifier.email.domain.SentMailState;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * {@code rdz.dead.letters.open{service="notifier",entity}} ({@link OpenDeadLetters}): batch e-mails whose last
 * attempt failed ({@code sent_mails} in state FAILED: waiting for a retry or the replay of their dead letter).
 */
@Component
public class OpenDeadLettersGauge extends OpenDeadLetters {

    public OpenDeadLettersGauge(
            ReactiveMongoTemplate mongo, @Value("${rdz.metrics.gauge-refresh:PT1M}") Duration refresh) {
        super(
                "notifier",
                mongo,
                SentMailDocument.COLLECTION,
                Criteria.where("state").is(SentMailState.FAILED.name()),
                refresh);
    }
}
