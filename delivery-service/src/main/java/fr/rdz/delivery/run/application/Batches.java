package fr.rdz.delivery.run.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The recorded batches, which are also the outbox of the run's events: each is published once the broker
 * acknowledged every event of its parts, or marked failed for good.
 */
public interface Batches {

    /** Writes the batches of a run (idempotent: keyed by batch id). */
    Mono<Void> write(List<StoredBatch> batches);

    /** Writes the event parts of a run's batches (idempotent: keyed by batch id and part). */
    Mono<Void> writeParts(List<BatchPart> parts);

    /** Parts 1…{@code count} of a batch, in order; an error when one is missing. */
    Flux<BatchPart> parts(String batchId, int count);

    /** A failed publication attempt: counted, with its reason. */
    Mono<Void> recordFailedAttempt(String batchId, String error, Instant at);

    /** The batch's events can never be published as they are: no relay takes it again. */
    Mono<Void> markFailed(String batchId, String error, Instant at);

    /** The batches of a run in service order, without their envelopes. */
    Flux<StoredBatch> ofRun(String runId);

    /** One batch by id, without its envelopes. */
    Mono<StoredBatch> find(String batchId);

    Flux<String> unpublishedIds(String runId);

    /** Claims an unpublished batch for publication for a while; empty when published or claimed by another relay. */
    Mono<StoredBatch> claim(String batchId, String owner, Instant now, Instant until);

    Mono<Void> markPublished(String batchId, Instant at);

    Mono<Long> countUnpublished(String runId);

    /** How many batches of a run could not be published. */
    Mono<Long> countFailed(String runId);

    /** Forgets everything written for a run (a run redone after its planner died): batches and their parts. */
    Mono<Void> deleteRun(String runId);

    /**
     * Retention: the published (or failed for good) batches of runs dated before {@code runDate} lose the event
     * payloads they kept for publication; their figures and lead ids stay. Emits how many batches changed.
     */
    Mono<Long> dropPayloadsOfRunsBefore(LocalDate runDate);
}
