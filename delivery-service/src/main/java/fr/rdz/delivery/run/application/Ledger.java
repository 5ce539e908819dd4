package fr.rdz.delivery.run.application;

import fr.rdz.delivery.planning.domain.Delivery;
import fr.rdz.events.LeadDelivered;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The authoritative delivery ledger: one line per run and lead delivered. */
public interface Ledger {

    /** Writes a run's lines (idempotent: keyed by run and lead). */
    Mono<Void> write(List<LeadDelivered> lines);

    /** The deliveries made in [{@code from}, {@code to}), what the planner's quotas and 30-day rules read. */
    Flux<Delivery> between(Instant from, Instant to);

    /** Forgets the lines of a run (a run redone after its planner died). */
    Mono<Void> deleteRun(String runId);

    /** Erasure: the phone is replaced by a marker derived from its hash; the line still counts for quotas and figures. */
    Mono<Void> erasePhone(String phone, String hash);

    /** Retention: at most {@code limit} lines delivered before {@code instant} still holding a phone get the marker. */
    Mono<Long> eraseExpiredPhones(Instant instant, int limit);
}
