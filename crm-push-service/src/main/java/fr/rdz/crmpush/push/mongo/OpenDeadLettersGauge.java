package fr.rdz.crmpush.push.mongo;

import fr.rdz.crmpush.push.application.DeadLetter;
import fr.rdz.kit.metrics.OpenDeadLetters;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * {@code rdz.dead.letters.open{service="crm-push",entity}} ({@link OpenDeadLetters}): pushes dead-lettered and
 * neither replayed nor resolved.
 */
@Component
public class OpenDeadLettersGauge extends OpenDeadLetters {

    public OpenDeadLettersGauge(
            ReactiveMongoTemplate mongo, @Value("${rdz.metrics.gauge-refresh:PT1M}") Duration refresh) {
        super(
                "crm-push",
                mongo,
                MongoDeadLetterStore.COLLECTION,
                Criteria.where("status").is(DeadLetter.OPEN),
                refresh);
    }
}
