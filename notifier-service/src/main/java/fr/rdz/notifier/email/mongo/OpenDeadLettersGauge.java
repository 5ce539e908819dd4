package fr.rdz.notifier.email.mongo;

import fr.rdz.events.Entity;
import fr.rdz.kit.metrics.PeriodicGauge;
import fr.rdz.notifier.email.domain.SentMailState;
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
 * {@code rdz.dead.letters.open{service="notifier",entity}}: batch e-mails whose last attempt failed
 * ({@code sent_mails} in state FAILED: waiting for a retry or the replay of their dead letter),
 * counted every {@code rdz.metrics.gauge-refresh}, never at scrape time.
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
                                Aggregation.match(Criteria.where("state").is(SentMailState.FAILED.name())),
                                Aggregation.group("entity").count().as("n")),
                        SentMailDocument.COLLECTION,
                        Document.class)
                .map(d -> new Reading(tags(d.getString("_id")), ((Number) d.get("n")).longValue()));
    }

    private static Tags tags(String entity) {
        return Tags.of("service", "notifier", "entity", entity == null ? "none" : entity);
    }

    @Override
    protected List<Tags> alwaysPresent() {
        return Arrays.stream(Entity.values()).map(e -> tags(e.name())).toList();
    }
}
