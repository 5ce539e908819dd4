package fr.rdz.delivery.run.application;

import fr.rdz.delivery.config.DeliveryProperties;
import fr.rdz.delivery.run.kafka.EventPublisher;
import fr.rdz.delivery.run.mongo.BatchStore;
import fr.rdz.delivery.run.mongo.RunStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The outbox relay of recorded runs: for each unpublished batch of a RECORDED run, claims it for a
 * minute (one relay at a time), publishes its LeadDelivered envelopes and its DeliveryPlanned, and marks
 * it published once the broker acknowledged all of them; when no batch is left, publishes RunCompleted
 * and marks the run PUBLISHED. Envelopes carry the event ids fixed when the run was recorded, so a
 * retry after a crash republishes the same events (consumers deduplicate on {@code event_id}).
 */
@Service
public class PublishingRunOutbox {

    private static final Logger log = LoggerFactory.getLogger(PublishingRunOutbox.class);
    private static final Duration CLAIM = Duration.ofMinutes(1);

    private final RunStore runs;
    private final BatchStore batches;
    private final EventPublisher publisher;
    private final Clock clock;
    private final DeliveryProperties properties;

    public PublishingRunOutbox(
            RunStore runs, BatchStore batches, EventPublisher publisher, Clock clock, DeliveryProperties properties) {
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
        return runs.inState(RunStore.RECORDED)
                .concatMap(run -> publish(run.getString("_id")).onErrorResume(e -> {
                    log.error("Publishing run {} failed; will retry", run.getString("_id"), e);
                    return Mono.empty();
                }))
                .then();
    }

    public Mono<Void> publish(String runId) {
        return runs.find(runId)
                .filter(run -> RunStore.RECORDED.equals(run.getString("state")))
                .flatMap(run -> batches.unpublishedIds(runId)
                        .concatMap(this::publishBatch)
                        .then(batches.countUnpublished(runId))
                        .filter(left -> left == 0)
                        .flatMap(left -> publisher.publish(List.of(run.getString("run_completed_event"))))
                        .then(Mono.defer(() -> batches.countUnpublished(runId)))
                        .filter(left -> left == 0)
                        .flatMap(left -> runs.markPublished(runId, clock.instant()))
                        .doOnSuccess(v -> log.debug("Run {} published", runId)));
    }

    private Mono<Void> publishBatch(String batchId) {
        Instant now = clock.instant();
        return batches.claim(batchId, properties.instanceId(), now, now.plus(CLAIM))
                .flatMap(batch -> {
                    List<String> envelopes =
                            new ArrayList<>(batch.getList("delivered_events", String.class, List.of()));
                    String planned = batch.getString("planned_event");
                    if (planned != null) {
                        envelopes.add(planned);
                    }
                    return publisher.publish(envelopes).then(batches.markPublished(batchId, clock.instant()));
                });
    }

    static boolean isRecorded(Document run) {
        return RunStore.RECORDED.equals(run.getString("state"));
    }
}
