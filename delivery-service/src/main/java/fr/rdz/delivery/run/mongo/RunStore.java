package fr.rdz.delivery.run.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import fr.rdz.delivery.config.MongoCollections;
import fr.rdz.events.Entity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs ({@code runs}, {@code _id = run-<ENTITY>-<date>}): the unique record inserted before planning is
 * what makes a run happen once per entity and date, whatever the number of instances. States:
 * PLANNING (owner + lease) → RECORDED (batches and ledger written, RunCompleted envelope fixed) →
 * PUBLISHED (every event acknowledged by the broker), or PUBLISH_FAILED when a batch's events can
 * never be published as they are ({@code publish_error} says which and why; the relay stops there
 * instead of retrying forever, the other batches and RunCompleted are published).
 */
@Repository
public class RunStore {

    public static final String PLANNING = "PLANNING";
    public static final String RECORDED = "RECORDED";
    public static final String PUBLISHED = "PUBLISHED";
    public static final String PUBLISH_FAILED = "PUBLISH_FAILED";

    private final MongoCollections collections;

    public RunStore(MongoCollections collections) {
        this.collections = collections;
    }

    /** True when this call created the run (and owns its planning), false when it already existed. */
    public Mono<Boolean> create(
            String runId, Entity entity, LocalDate date, String owner, Instant now, Instant leaseUntil) {
        Document run = new Document("_id", runId)
                .append("entity", entity.name())
                .append("date", date.toString())
                .append("state", PLANNING)
                .append("owner", owner)
                .append("lease_until", Date.from(leaseUntil))
                .append("created_at", Date.from(now));
        return collections
                .get(MongoCollections.RUNS)
                .flatMap(c -> Mono.from(c.insertOne(run)))
                .thenReturn(true)
                .onErrorResume(RunStore::isDuplicateKey, e -> Mono.just(false));
    }

    private static boolean isDuplicateKey(Throwable e) {
        return e instanceof DuplicateKeyException
                || (e instanceof MongoWriteException w && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY)
                || (e.getMessage() != null && e.getMessage().contains("E11000"));
    }

    public Mono<Document> find(String runId) {
        return collections
                .get(MongoCollections.RUNS)
                .flatMap(c -> Mono.from(c.find(Filters.eq("_id", runId)).first()));
    }

    public Flux<Document> list(LocalDate date, Entity entity) {
        var filter = Filters.and(
                date == null ? Filters.exists("_id") : Filters.eq("date", date.toString()),
                entity == null ? Filters.exists("_id") : Filters.eq("entity", entity.name()));
        return collections
                .get(MongoCollections.RUNS)
                .flatMapMany(c ->
                        Flux.from(c.find(filter).sort(Sorts.descending("date")).limit(200)));
    }

    /** Runs dated {@code from}..{@code to} (inclusive, ISO dates compare as strings), newest date first, then entity. */
    public Flux<Document> listBetween(LocalDate from, LocalDate to, Entity entity) {
        var filter = Filters.and(
                from == null ? Filters.exists("_id") : Filters.gte("date", from.toString()),
                to == null ? Filters.exists("_id") : Filters.lte("date", to.toString()),
                entity == null ? Filters.exists("_id") : Filters.eq("entity", entity.name()));
        return collections
                .get(MongoCollections.RUNS)
                .flatMapMany(c -> Flux.from(c.find(filter)
                        .sort(Sorts.orderBy(Sorts.descending("date"), Sorts.ascending("entity")))
                        .limit(400)));
    }

    /** Takes over a run left in PLANNING by an instance whose lease expired; empty when someone else holds it. */
    public Mono<Document> takeOver(String runId, String owner, Instant now, Instant leaseUntil) {
        return collections
                .get(MongoCollections.RUNS)
                .flatMap(c -> Mono.from(c.findOneAndUpdate(
                        Filters.and(
                                Filters.eq("_id", runId),
                                Filters.eq("state", PLANNING),
                                Filters.lt("lease_until", Date.from(now))),
                        Updates.combine(Updates.set("owner", owner), Updates.set("lease_until", Date.from(leaseUntil))),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))));
    }

    public Mono<Boolean> markRecorded(String runId, String owner, Instant plannedAt, String runCompletedEvent) {
        return collections
                .get(MongoCollections.RUNS)
                .flatMap(c -> Mono.from(c.updateOne(
                        Filters.and(
                                Filters.eq("_id", runId), Filters.eq("state", PLANNING), Filters.eq("owner", owner)),
                        Updates.combine(
                                Updates.set("state", RECORDED),
                                Updates.set("planned_at", Date.from(plannedAt)),
                                Updates.set("run_completed_event", runCompletedEvent)))))
                .map(r -> r.getModifiedCount() == 1);
    }

    /** Extends the lease of a run its owner is still planning (the planner's heartbeat); false once lost. */
    public Mono<Boolean> renew(String runId, String owner, Instant leaseUntil) {
        return collections
                .get(MongoCollections.RUNS)
                .flatMap(c -> Mono.from(c.updateOne(
                        Filters.and(
                                Filters.eq("_id", runId), Filters.eq("state", PLANNING), Filters.eq("owner", owner)),
                        Updates.set("lease_until", Date.from(leaseUntil)))))
                .map(r -> r.getMatchedCount() == 1);
    }

    /** Ends the lease of a run whose planning failed here, so that the next request takes it over at once. */
    public Mono<Void> release(String runId, String owner) {
        return collections
                .get(MongoCollections.RUNS)
                .flatMap(c -> Mono.from(c.updateOne(
                        Filters.and(
                                Filters.eq("_id", runId), Filters.eq("state", PLANNING), Filters.eq("owner", owner)),
                        Updates.set("lease_until", new Date(0)))))
                .then();
    }

    /** Forgets a run its owner found nothing to plan for (no commande served): the date stays open. */
    public Mono<Void> delete(String runId, String owner) {
        return collections
                .get(MongoCollections.RUNS)
                .flatMap(c -> Mono.from(c.deleteOne(Filters.and(
                        Filters.eq("_id", runId), Filters.eq("state", PLANNING), Filters.eq("owner", owner)))))
                .then();
    }

    public Mono<Void> markPublished(String runId, Instant at) {
        return collections
                .get(MongoCollections.RUNS)
                .flatMap(c -> Mono.from(c.updateOne(
                        Filters.and(Filters.eq("_id", runId), Filters.eq("state", RECORDED)),
                        Updates.combine(Updates.set("state", PUBLISHED), Updates.set("published_at", Date.from(at))))))
                .then();
    }

    /** A batch of the run could not be published: the run ends PUBLISH_FAILED with the reason, never swept again. */
    public Mono<Void> markPublishFailed(String runId, String error, Instant at) {
        return collections
                .get(MongoCollections.RUNS)
                .flatMap(c -> Mono.from(c.updateOne(
                        Filters.and(Filters.eq("_id", runId), Filters.eq("state", RECORDED)),
                        Updates.combine(
                                Updates.set("state", PUBLISH_FAILED),
                                Updates.set("publish_error", error),
                                Updates.set("published_at", Date.from(at))))))
                .then();
    }

    public Flux<Document> inState(String state) {
        return collections.get(MongoCollections.RUNS).flatMapMany(c -> Flux.from(c.find(Filters.eq("state", state))));
    }
}
