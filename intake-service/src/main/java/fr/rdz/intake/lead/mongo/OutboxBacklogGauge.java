package fr.rdz.intake.lead.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import fr.rdz.intake.lead.application.LeadOutbox;
import fr.rdz.kit.metrics.PeriodicGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * {@code rdz.outbox.backlog{outbox="leads"}}: stored leads whose {@code LeadReceived} is not yet
 * acknowledged by the broker. Counted every {@code rdz.metrics.gauge-refresh} (a scan locally).
 */
@Component
public class OutboxBacklogGauge extends PeriodicGauge {

    private static final Tags LEADS = Tags.of("outbox", "leads");

    private final ReactiveMongoTemplate mongo;

    public OutboxBacklogGauge(
            ReactiveMongoTemplate mongo, @Value("${rdz.metrics.gauge-refresh:PT1M}") Duration refresh) {
        super("rdz.outbox.backlog", "Events stored and not yet acknowledged by the broker", refresh);
        this.mongo = mongo;
    }

    @Override
    protected Flux<Reading> read() {
        return mongo.count(Query.query(where("outbox.state").is(LeadOutbox.PENDING)), LeadDocument.class)
                .map(n -> new Reading(LEADS, n))
                .flux();
    }

    @Override
    protected List<Tags> alwaysPresent() {
        return List.of(LEADS);
    }
}
