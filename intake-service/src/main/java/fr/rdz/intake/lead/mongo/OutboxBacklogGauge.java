package fr.rdz.intake.lead.mongo;

import fr.rdz.kit.metrics.PeriodicGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * {@code rdz.outbox.backlog{outbox="leads"}}: leads whose {@code LeadReceived} is not yet
 * acknowledged by the broker — the entries of {@code lead_outbox} (also, for at most {@code
 * outbox.orphan-grace}, the entry of a submission whose lead never landed). Read every {@code
 * rdz.metrics.gauge-refresh} from the collection's count, not by a query on {@code leads}: that
 * read every stored lead each minute.
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
        return mongo.estimatedCount(OutboxEntryDocument.class)
                .map(n -> new Reading(LEADS, n))
                .flux();
    }

    @Override
    protected List<Tags> alwaysPresent() {
        return List.of(LEADS);
    }
}
