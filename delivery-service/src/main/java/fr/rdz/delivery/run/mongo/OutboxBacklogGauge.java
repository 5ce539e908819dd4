package fr.rdz.delivery.run.mongo;

import com.mongodb.client.model.Filters;
import fr.rdz.delivery.mongo.MongoCollections;
import fr.rdz.kit.metrics.PeriodicGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code rdz.outbox.backlog{outbox="batches"}}: recorded batches whose events are not yet
 * acknowledged by the broker, counted every {@code rdz.metrics.gauge-refresh}.
 */
@Component
public class OutboxBacklogGauge extends PeriodicGauge {

    private static final Tags BATCHES = Tags.of("outbox", "batches");

    private final MongoCollections collections;

    public OutboxBacklogGauge(
            MongoCollections collections, @Value("${rdz.metrics.gauge-refresh:PT1M}") Duration refresh) {
        super("rdz.outbox.backlog", "Events stored and not yet acknowledged by the broker", refresh);
        this.collections = collections;
    }

    @Override
    protected Flux<Reading> read() {
        return collections
                .get(MongoCollections.BATCHES)
                .flatMap(c -> Mono.from(c.countDocuments(Filters.eq("published", false))))
                .map(n -> new Reading(BATCHES, n))
                .flux();
    }

    @Override
    protected List<Tags> alwaysPresent() {
        return List.of(BATCHES);
    }
}
