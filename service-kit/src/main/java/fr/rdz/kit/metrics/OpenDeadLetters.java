package fr.rdz.kit.metrics;

import fr.rdz.events.Entity;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import reactor.core.publisher.Flux;

/**
 * {@code rdz.dead.letters.open{service,entity}}: a service's dead letters waiting for a replay, per entity (each
 * entity shown, 0 when it has none), counted every {@code rdz.metrics.gauge-refresh}, never at scrape time. The
 * service names the documents of {@code collection} that are its open dead letters ({@code open}); each document
 * holds its {@code entity}.
 */
public abstract class OpenDeadLetters extends PeriodicGauge {

    public static final String NAME = "rdz.dead.letters.open";

    private final String service;
    private final ReactiveMongoTemplate mongo;
    private final String collection;
    private final Criteria open;

    protected OpenDeadLetters(
            String service, ReactiveMongoTemplate mongo, String collection, Criteria open, Duration refresh) {
        super(NAME, "Dead letters waiting for a replay", refresh);
        this.service = service;
        this.mongo = mongo;
        this.collection = collection;
        this.open = open;
    }

    @Override
    protected Flux<Reading> read() {
        return mongo.aggregate(
                        Aggregation.newAggregation(
                                Aggregation.match(open),
                                Aggregation.group("entity").count().as("n")),
                        collection,
                        Document.class)
                .map(d -> new Reading(tags(d.getString("_id")), ((Number) d.get("n")).longValue()));
    }

    private Tags tags(String entity) {
        return Tags.of("service", service, "entity", entity == null ? "none" : entity);
    }

    @Override
    protected List<Tags> alwaysPresent() {
        return Arrays.stream(Entity.values()).map(e -> tags(e.name())).toList();
    }
}
