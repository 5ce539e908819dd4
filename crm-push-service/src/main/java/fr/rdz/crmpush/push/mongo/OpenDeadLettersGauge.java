package fr.rdz.crmpush.push.mongo;

import fr.rdz.crmpush.push.application.DeadLetter;
import fr.rdz.events.Entity;
import fr.rdz.kit.metrics.PeriodicGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * {@code rdz.dead.letters.open{service="crm-push",entity}}: pushes dead-lettered and neither
 * replayed nor resolved, counted every {@code rdz.metrics.gauge-refresh}, never at scrape time.
 */
@Component
public class OpenDeadLettersGauge extends PeriodicGauge {

    private final ReactiveMongoTemplate mongo;

    public OpenDeadLettersGauge(
            ReactiveMongoTemplate mongo, @Value("${rdz.metrics.gauge-refresh:PT1M}") Duration refresh) {
        super("rdz.dead.letters.open", "Dead letters waiting for a replay", refresh);
        this.mongo = mongo;
    }

    @Override
    protected Flux<Reading> read() {
        return mongo.aggregate(
                        Aggregation.newAggregation(
                                Aggregation.match(Criteria.where("status").is(DeadLetter.OPEN)),
                                Aggregation.group("entity").count().as("n")),
                        MongoDeadLetterStore.COLLECTION,
                        Document.class)
                .map(d -> new Reading(tags(d.getString("_id")), ((Number) d.get("n")).longValue()));
    }

    private static Tags tags(String entity) {
        return Tags.of("service", "crm-push", "entity", entity == null ? "none" : entity);
    }

    @Override
    protected List<Tags> alwaysPresent() {
        return Arrays.stream(Entity.values()).map(e -> tags(e.name())).toList();
    }
}
