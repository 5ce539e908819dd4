package fr.rdz.delivery.pool.mongo;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import fr.rdz.delivery.mongo.MongoCollections;
import fr.rdz.events.Entity;
import fr.rdz.kit.metrics.PeriodicGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * {@code rdz.delivery.pool.size{entity}}: pool leads a run may still distribute ({@code
 * distributable}), counted every {@code rdz.metrics.gauge-refresh} (one grouped read; a scan on the
 * local wire server), never at scrape time.
 */
@Component
public class PoolSizeGauge extends PeriodicGauge {

    private final MongoCollections collections;

    public PoolSizeGauge(MongoCollections collections, @Value("${rdz.metrics.gauge-refresh:PT1M}") Duration refresh) {
        super("rdz.delivery.pool.size", "Pool leads a daily run may distribute", refresh);
        this.collections = collections;
    }

    @Override
    protected Flux<Reading> read() {
        return collections
                .get(MongoCollections.POOL)
                .flatMapMany(c -> Flux.from(c.aggregate(List.of(
                        Aggregates.match(Filters.eq("distributable", true)),
                        Aggregates.group("$entity", Accumulators.sum("n", 1))))))
                .filter(d -> d.getString("_id") != null)
                .map(d -> new Reading(Tags.of("entity", d.getString("_id")), count(d)));
    }

    private static long count(Document d) {
        return ((Number) d.get("n")).longValue();
    }

    @Override
    protected List<Tags> alwaysPresent() {
        return Arrays.stream(Entity.values())
                .map(e -> Tags.of("entity", e.name()))
                .toList();
    }
}
