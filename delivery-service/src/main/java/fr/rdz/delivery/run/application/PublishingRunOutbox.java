package fr.rdz.delivery.run.application;

import fr.rdz.delivery.config.DeliveryProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The outbox relay of recorded runs: for each unpublished batch of a RECORDED run, claims it for a
 * minute (one relay at a time), publishes its DeliveryPlanned (every part) and, only once the broker
 * acknowledged all of them, the LeadDelivered of its leads — so no lead shows as delivered before its
 * batch is handed to the channels — and marks it published once everything was acknowledged. When no
 * batch is left, publishes RunCompleted and marks the run PUBLISHED. Envelopes carry the event ids
 * fixed when the run was recorded, so a retry after a crash republishes the same events (consumers
 * deduplicate on {@code event_id}).
 *
 * <p>Failures never block nor loop silently: each batch is published on its own (one failing batch
 * does not hold back the others); a failed attempt is counted on the batch with its reason and
 * retried by the sweeper; a permanent failure ({@link PermanentPublishFailure}: a record over the
 * broker's limits, an unserializable or unauthorised record) marks the batch {@code publish_failed}
 * at once, and the run ends PUBLISH_FAILED with the reason (logged as an ERROR once) after its other
 * batches and its RunCompleted are published.
 */
@Service
public class PublishingRunOutbox {

    private static final Logger log = LoggerFactory.getLogger(PublishingRunOutbox.class);
    private static final Duration CLAIM = Duration.ofMinutes(1);

    private final Runs runs;
    private final Batches batches;
    private final EnvelopePublisher publisher;
    private final Clock clock;
    private final DeliveryProperties properties;

    public PublishingRunOutbox(
            Runs runs, Batches batches, EnvelopePublisher publisher, Clock clock, DeliveryProperties properties) {
        this.runs = runs;
        this.batches = batches;
        this.publisher = publisher;
        this.clock = clock;
        this.properties = properties;
    }

    /** Starts publishing a just-recorded run in the background. */
    public void publishSoon(String runId) {
        publish(runId).subscribe(v -> {}, e -> log.error("Publishing run {} failed; the sweeper will retry", runId, e));
    }

    /** Publishes every RECORDED run that still has something to send. */
    public Mono<Void> sweep() {
        return runs.inState(RunRecord.RECORDED)
                .concatMap(run -> publish(run.id()).onErrorResume(e -> {
                    log.error("Publishing run {} failed; will retry", run.id(), e);
                    return Mono.empty();
                }))
                .then();
    }

    public Mono<Void> publish(String runId) {
        return runs.find(runId).filter(RunRecord::recorded).flatMap(run -> batches.unpublishedIds(runId)
                .concatMap(batchId -> publishBatch(batchId).onErrorResume(e -> failed(runId, batchId, e)))
                .then(Mono.defer(() -> finish(run))));
    }

    /** Every batch is published or failed for good: RunCompleted, then PUBLISHED or PUBLISH_FAILED. */
    private Mono<Void> finish(RunRecord run) {
        String runId = run.id();
        return Mono.zip(batches.countUnpublished(runId), batches.countFailed(runId))
                .filter(counts -> counts.getT1().longValue() == counts.getT2().longValue())
                .flatMap(counts -> publisher
                        .publish(List.of(run.runCompletedEvent()))
                        .onErrorResume(PermanentPublishFailure.class, e -> runs.markPublishFailed(
                                        runId, "RunCompleted: " + e.getMessage(), clock.instant())
                                .then(Mono.fromRunnable(() -> log.error(
                                        "Run {}: RunCompleted can never be published: {}", runId, e.getMessage())))
                                .then(Mono.empty()))
                        .then(Mono.defer(() -> counts.getT2() == 0
                                ? runs.markPublished(runId, clock.instant())
                                        .doOnSuccess(v -> log.debug("Run {} published", runId))
                                : runs.markPublishFailed(
                                        runId,
                                        counts.getT2() + " batch(es) could not be published, see their publish_error",
                                        clock.instant()))));
    }

    private Mono<Void> publishBatch(String batchId) {
        Instant now = clock.instant();
        return batches.claim(batchId, properties.instanceId(), now, now.plus(CLAIM))
                .flatMap(batch -> envelopes(batch).flatMap(events -> publisher
                        .publish(events.planned())
                        .then(publisher.publish(events.delivered()))
                        .then(batches.markPublished(batchId, clock.instant()))));
    }

    private record BatchEvents(List<String> planned, List<String> delivered) {}

    /** The batch's envelopes: from its parts, or from the batch itself when it was written before parts existed. */
    private Mono<BatchEvents> envelopes(StoredBatch batch) {
        Integer parts = batch.parts();
        if (parts == null) {
            String planned = batch.plannedEvent();
            return Mono.just(new BatchEvents(planned == null ? List.of() : List.of(planned), batch.deliveredEvents()));
        }
        List<String> planned = new ArrayList<>(parts);
        List<String> delivered = new ArrayList<>();
        return batches.parts(batch.id(), parts)
                .doOnNext(part -> {
                    planned.add(part.plannedEvent());
                    delivered.addAll(part.deliveredEvents());
                })
                .then(Mono.fromSupplier(() -> new BatchEvents(planned, delivered)));
    }

    private Mono<Void> failed(String runId, String batchId, Throwable e) {
        Instant now = clock.instant();
        String reason = reason(e);
        if (e instanceof PermanentPublishFailure) {
            log.error(
                    "Run {}: batch {} can never be published as it is, marked publish_failed: {}",
                    runId,
                    batchId,
                    reason);
            return batches.markFailed(batchId, reason, now);
        }
        log.error("Run {}: publishing batch {} failed, the sweeper will retry: {}", runId, batchId, reason, e);
        return batches.recordFailedAttempt(batchId, reason, now);
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && !(root instanceof PermanentPublishFailure)) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage();
        if (message.length() > 300) {
            message = message.substring(0, 300) + "…";
        }
        return root.getClass().getSimpleName() + ": " + message;
    }
}
