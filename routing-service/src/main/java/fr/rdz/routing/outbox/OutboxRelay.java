package fr.rdz.routing.outbox;

import fr.rdz.events.Envelope;
import fr.rdz.events.EventCodec;
import fr.rdz.kit.kafka.KafkaSends;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
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
 * the broker acknowledged it. Writers ask for a flush of the document they changed. A flush that
 * fails (broker or database out) is remembered and retried every {@code rdz.outbox.retry-interval},
 * reading only that document by {@code _id}. A sweep over the six collections, at start (what a
 * crash left) and then every {@code rdz.outbox.sweep-interval} (what another instance that stopped
 * for good left), is the only query that is not by {@code _id}: on the Mongo stand-in it reads
 * every document, so it is kept off the regular path. All flushes go through one sequential queue,
 * so the snapshots of one catalog item reach its compacted topic in the order they were written.
 */
@Component
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** The collections whose documents carry an outbox. */
    public static final List<String> COLLECTIONS = List.of("lps", "forms", "clients", "commandes", "leads", "erasures");

    private final ReactiveMongoTemplate mongo;
    private final KafkaTemplate<String, Envelope<?>> kafka;
    private final Duration retryInterval;
    private final Duration sweepInterval;
    private final Sinks.Many<Target> queue = Sinks.many().unicast().onBackpressureBuffer();
    private final Set<Target> queued = ConcurrentHashMap.newKeySet();
    private final Set<Target> failed = ConcurrentHashMap.newKeySet();
    private Disposable worker;
    private Disposable retrier;
    private Disposable sweeper;

    record Target(String collection, Object id) {}

    public OutboxRelay(
            ReactiveMongoTemplate mongo,
            KafkaTemplate<String, Envelope<?>> kafka,
            @Value("${rdz.outbox.retry-interval:PT10S}") Duration retryInterval,
            @Value("${rdz.outbox.sweep-interval:PT5M}") Duration sweepInterval) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.retryInterval = retryInterval;
        this.sweepInterval = sweepInterval;
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
                .subscribe(tick -> List.copyOf(failed).forEach(t -> flush(t.collection(), t.id())));
        sweeper = Flux.interval(Duration.ZERO, sweepInterval)
                .onBackpressureDrop()
                .concatMap(tick -> sweep().onErrorResume(e -> Mono.empty()))
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

    /** Queues every document that still has something to publish (reads every document on the Mongo stand-in). */
    public Mono<Void> sweep() {
        return Flux.fromIterable(COLLECTIONS)
                .concatMap(collection -> mongo.find(
                                Query.query(Criteria.where("outbox.0").exists(true))
                                        .limit(500),
                                Document.class,
                                collection)
                        .doOnNext(doc -> flush(collection, doc.get("_id"))))
                .then();
    }

    private Mono<Void> flushNow(Target target) {
        return mongo.findById(target.id(), Document.class, target.collection())
                .flatMapMany(doc -> Flux.fromIterable(doc.getList("outbox", Document.class, List.of())))
                .concatMap(entry -> publish(entry).then(remove(target, entry.getString("eventId"))))
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
