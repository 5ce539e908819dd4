package fr.rdz.routing.outbox;

import fr.rdz.events.Envelope;
import fr.rdz.events.EventCodec;
import fr.rdz.kit.kafka.KafkaSends;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Publishes the {@code outbox} entries of routing's documents and removes each entry only after
 * the broker acknowledged it. Every write that leaves events in a document marks it first in
 * {@link PendingOutbox} ({@code pending_outbox}), then asks for a flush of the document it changed. A
 * flush reads the marker, then the document, by {@code _id}; publishes its entries; and drops the marker
 * once the document's outbox was read empty, unless it was marked again since or less than
 * {@code rdz.outbox.marker-grace} ago (a write marked that long ago has landed or never will): such a
 * marker is flushed again once the grace has passed. A flush that fails (broker or database out) is
 * retried every {@code rdz.outbox.retry-interval}, by {@code _id}. The sweep, at start (what a crash
 * left) and every {@code rdz.outbox.sweep-interval} (what an instance that stopped for good left),
 * reads only {@code pending_outbox}: its cost follows the recent writes, not the stored documents.
 * Once per database, at the first start, the documents a version without markers left with events
 * are marked (a scan of the six collections, recorded as {@code migrations/pending-outbox-v1}). All
 * flushes go through one sequential queue, so the snapshots of one catalog item reach its compacted
 * topic in the order they were written.
 */
@Component
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** The collections whose documents carry an outbox. */
    public static final List<String> COLLECTIONS = List.of("lps", "forms", "clients", "commandes", "leads", "erasures");

    /** The {@code migrations} document recording that documents written before the markers are marked. */
    public static final String MIGRATION = "pending-outbox-v1";

    private final ReactiveMongoTemplate mongo;
    private final PendingOutbox pending;
    private final KafkaTemplate<String, Envelope<?>> kafka;
    private final Clock clock;
    private final Duration retryInterval;
    private final Duration sweepInterval;
    private final Duration markerGrace;
    private final Sinks.Many<Target> queue = Sinks.many().unicast().onBackpressureBuffer();
    private final Set<Target> queued = ConcurrentHashMap.newKeySet();
    private final Set<Target> failed = ConcurrentHashMap.newKeySet();
    /** Documents flushed whose marker is kept until its grace has passed: when to flush them again. */
    private final Map<Target, Instant> settling = new ConcurrentHashMap<>();

    private final AtomicBoolean migrated = new AtomicBoolean();
    private Disposable worker;
    private Disposable retrier;
    private Disposable sweeper;

    record Target(String collection, Object id) {}

    public OutboxRelay(
            ReactiveMongoTemplate mongo,
            PendingOutbox pending,
            KafkaTemplate<String, Envelope<?>> kafka,
            Clock clock,
            @Value("${rdz.outbox.retry-interval:PT10S}") Duration retryInterval,
            @Value("${rdz.outbox.sweep-interval:PT5M}") Duration sweepInterval,
            @Value("${rdz.outbox.marker-grace:PT1M}") Duration markerGrace) {
        this.mongo = mongo;
        this.pending = pending;
        this.kafka = kafka;
        this.clock = clock;
        this.retryInterval = retryInterval;
        this.sweepInterval = sweepInterval;
        this.markerGrace = markerGrace;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        worker = queue.asFlux()
                .concatMap(t -> {
                    queued.remove(t);
                    return flushNow(t).doOnSuccess(v -> failed.remove(t)).onErrorResume(e -> {
                        failed.add(t);
                        log.warn(
                                "Outbox of {} {} not published yet, will retry: {}",
                                t.collection(),
                                t.id(),
                                e.toString());
                        return Mono.empty();
                    });
                })
                .subscribe();
        retrier = Flux.interval(retryInterval, retryInterval)
                .onBackpressureDrop()
                .subscribe(tick -> {
                    List.copyOf(failed).forEach(t -> flush(t.collection(), t.id()));
                    Instant now = clock.instant();
                    settling.forEach((t, due) -> {
                        if (!due.isAfter(now)) {
                            flush(t.collection(), t.id());
                        }
                    });
                });
        sweeper = Flux.interval(Duration.ZERO, sweepInterval)
                .onBackpressureDrop()
                .concatMap(tick -> migrateOnce().then(sweep()).onErrorResume(e -> {
                    log.warn("Outbox sweep failed, next in {}: {}", sweepInterval, e.toString());
                    return Mono.empty();
                }))
                .subscribe();
    }

    @PreDestroy
    void stop() {
        if (sweeper != null) {
            sweeper.dispose();
        }
        if (retrier != null) {
            retrier.dispose();
        }
        if (worker != null) {
            worker.dispose();
        }
    }

    /** Asks for the outbox of one document to be published (asynchronously, in order). */
    public void flush(String collection, Object id) {
        Target target = new Target(collection, id);
        if (queued.add(target)) {
            try {
                queue.emitNext(target, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(2)));
            } catch (RuntimeException e) {
                queued.remove(target);
                failed.add(target);
                log.warn("Outbox of {} {} not queued, will retry: {}", collection, id, e.toString());
            }
        }
    }

    /**
     * Queues every marked document this instance is not already waiting on: reads only {@code pending_outbox}
     * (the documents written in the last {@code marker-grace}, and those still to publish), never the documents'
     * collections.
     */
    public Mono<Void> sweep() {
        return pending.all()
                .filter(marker -> !settling.containsKey(new Target(marker.collection(), marker.docId())))
                .doOnNext(marker -> flush(marker.collection(), marker.docId()))
                .then();
    }

    /**
     * Once per database: marks every document a version without {@code pending_outbox} left with events (a scan of
     * the six collections, the only one), then records it in {@code migrations}. Interrupted, it is done again
     * whole at the next start (a marking is an idempotent upsert).
     */
    Mono<Void> migrateOnce() {
        if (migrated.get()) {
            return Mono.empty();
        }
        return mongo.findById(MIGRATION, Document.class, "migrations")
                .hasElement()
                .flatMap(done -> done ? Mono.empty() : markUnmarked())
                .doOnSuccess(v -> migrated.set(true));
    }

    private Mono<Void> markUnmarked() {
        return Flux.fromIterable(COLLECTIONS)
                .concatMap(collection -> {
                    Query withEvents = Query.query(Criteria.where("outbox.0").exists(true));
                    withEvents.fields().include("_id");
                    return mongo.find(withEvents, Document.class, collection)
                            .concatMap(doc -> pending.mark(collection, doc.get("_id"))
                                    .doOnSuccess(v -> flush(collection, doc.get("_id")))
                                    .thenReturn(doc));
                })
                .count()
                .flatMap(count -> mongo.insert(
                                new Document("_id", MIGRATION)
                                        .append("at", Date.from(clock.instant()))
                                        .append("marked", count),
                                "migrations")
                        .onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
                        .doOnSuccess(
                                v -> log.info("Outbox markers written for {} document(s) left with events", count)))
                .then();
    }

    private Mono<Void> flushNow(Target target) {
        // read before the marker and the document: a marker older than the grace at this instant was
        // written, like every marker it replaced, by a write that had landed before the document is read
        Instant now = clock.instant();
        return pending.find(target.collection(), target.id())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(marker -> publishAll(target).then(settle(target, marker, now)));
    }

    private Mono<Void> publishAll(Target target) {
        return mongo.findById(target.id(), Document.class, target.collection())
                .flatMapMany(doc -> Flux.fromIterable(doc.getList("outbox", Document.class, List.of())))
                .concatMap(entry -> publish(entry).then(remove(target, entry.getString("eventId"))))
                .then();
    }

    /** After the document's outbox was published: drops its marker once that is safe, else waits for it. */
    private Mono<Void> settle(Target target, Optional<PendingOutbox.Marker> marker, Instant now) {
        if (marker.isEmpty()) {
            settling.remove(target);
            return Mono.empty();
        }
        Instant due = marker.get().at().plus(markerGrace);
        if (due.isAfter(now)) {
            settling.put(target, due);
            return Mono.empty();
        }
        // marked again since it was read: that writer's flush (or the sweep) settles it
        return pending.dropIfUnchanged(marker.get())
                .doOnSuccess(dropped -> settling.remove(target))
                .then();
    }

    private Mono<Void> publish(Document entry) {
        Envelope<?> envelope = EventCodec.decode(entry.getString("envelope").getBytes(StandardCharsets.UTF_8));
        return KafkaSends.send(kafka, entry.getString("topic"), entry.getString("key"), envelope)
                .timeout(Duration.ofSeconds(30))
                .then();
    }

    private Mono<Void> remove(Target target, String eventId) {
        return mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(target.id())),
                        new Update().pull("outbox", new Document("eventId", eventId)),
                        target.collection())
                .then();
    }
}
