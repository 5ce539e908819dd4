package fr.rdz.crmpush.push.mongo;

import fr.rdz.crmpush.push.domain.PushStatus;
import fr.rdz.events.Entity;
import fr.rdz.kit.metrics.PeriodicGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * {@code rdz.crm.push.task.lag.seconds{service="crm-push",entity}}: how old the oldest push still to be
 * made is — the age (from its ledger entry's {@code created_at}, when its task was first taken) of the
 * oldest push neither final nor dead-lettered ({@code PENDING} or {@code RETRYING}); 0 when there is
 * none. Read every {@code rdz.metrics.gauge-refresh}, never at scrape time, so the figure is at most
 * that much behind. Dead-lettered pushes wait for an operator and are counted by {@code
 * rdz.dead.letters.open} instead.
 */
@Component
public class UnpushedTaskLagGauge extends PeriodicGauge {

    static final List<String> UNPUSHED = List.of(PushStatus.PENDING.name(), PushStatus.RETRYING.name());

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public UnpushedTaskLagGauge(
            ReactiveMongoTemplate mongo, Clock clock, @Value("${rdz.metrics.gauge-refresh:PT1M}") Duration refresh) {
        super("rdz.crm.push.task.lag.seconds", "Age of the oldest push not made yet (pending or retrying)", refresh);
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    protected Flux<Reading> read() {
        return mongo.aggregate(
                        Aggregation.newAggregation(
                                Aggregation.match(Criteria.where("status").in(UNPUSHED)),
                                Aggregation.group("entity").min("created_at").as("oldest")),
                        MongoPushLedger.COLLECTION,
                        Document.class)
                .filter(d -> d.get("oldest") instanceof Date)
                .map(d -> new Reading(
                        tags(d.getString("_id")),
                        Math.max(
                                0,
                                Duration.between(d.getDate("oldest").toInstant(), clock.instant())
                                        .toSeconds())));
    }

    private static Tags tags(String entity) {
        return Tags.of("service", "crm-push", "entity", entity == null ? "none" : entity);
    }

    @Override
    protected List<Tags> alwaysPresent() {
        return Arrays.stream(Entity.values()).map(e -> tags(e.name())).toList();
    }
}
