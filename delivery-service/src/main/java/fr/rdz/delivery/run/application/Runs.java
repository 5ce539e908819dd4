package fr.rdz.delivery.run.application;

import fr.rdz.events.Entity;
import java.time.Instant;
import java.time.LocalDate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The runs, one per entity and date ({@code run-<ENTITY>-<date>}), with the lease of the instance planning one. */
public interface Runs {

    /** True when this call created the run (and owns its planning), false when it already existed. */
    Mono<Boolean> create(String runId, Entity entity, LocalDate date, String owner, Instant now, Instant leaseUntil);

    Mono<RunRecord> find(String runId);

    Flux<RunRecord> list(LocalDate date, Entity entity);

    /** Runs dated {@code from}..{@code to} (inclusive; either may be open), newest date first, then entity. */
    Flux<RunRecord> listBetween(LocalDate from, LocalDate to, Entity entity);

    /** Takes over a run left in PLANNING by an instance whose lease expired; empty when someone else holds it. */
    Mono<RunRecord> takeOver(String runId, String owner, Instant now, Instant leaseUntil);

    /** PLANNING → RECORDED with its RunCompleted envelope, if {@code owner} still holds it. */
    Mono<Boolean> markRecorded(String runId, String owner, Instant plannedAt, String runCompletedEvent);

    /** Extends the lease of a run its owner is still planning (the planner's heartbeat); false once lost. */
    Mono<Boolean> renew(String runId, String owner, Instant leaseUntil);

    /** Ends the lease of a run whose planning failed here, so that the next request takes it over at once. */
    Mono<Void> release(String runId, String owner);

    /** Forgets a run its owner found nothing to plan for (no commande served): the date stays open. */
    Mono<Void> delete(String runId, String owner);

    /**
     * Notes that the run was made at {@code at} and found nothing to plan (kept apart from the runs: the date stays
     * open to an operator), so that a catch-up at start does not take the date for a missed run.
     */
    Mono<Void> noteNothingToPlan(String runId, String owner, Instant at);

    /** Whether the run was made once and found nothing to plan ({@link #noteNothingToPlan}). */
    Mono<Boolean> foundNothingToPlan(String runId);

    Mono<Void> markPublished(String runId, Instant at);

    /** A batch of the run could not be published: the run ends PUBLISH_FAILED with the reason, never swept again. */
    Mono<Void> markPublishFailed(String runId, String error, Instant at);

    Flux<RunRecord> inState(String state);
}
