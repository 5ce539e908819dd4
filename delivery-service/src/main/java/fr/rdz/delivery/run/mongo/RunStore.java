package fr.rdz.delivery.run.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import fr.rdz.delivery.mongo.MongoCollections;
import fr.rdz.delivery.run.application.RunRecord;
import fr.rdz.delivery.run.application.Runs;
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
public class RunStore implements Runs {

    static final String PLANNING = RunRecord.PLANNING;
    static final String RECORDED = RunRecord.RECORDED;
    static final String PUBLISHED = RunRecord.PUBLISHED;
    static final String PUBLISH_FAILED = RunRecord.PUBLISH_FAILED;

    private final MongoCollections collections;

    public RunStore(MongoCollections collections) {
        this.collections = collections;
    }

    /** True when this call created the run (and owns its planning), false when it already existed. */
    @Override
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

    @Override
    public Mono<RunRecord> find(String runId) {
        return collections
                .get(MongoCollections.RUNS)
                .flatMap(c -> Mono.from(c.find(Filters.eq("_id", runId)).first()))
                .map(RunStore::record);
    }

    @Override
    public Flux<RunRecord> list(LocalDate date, Entity entity) {
        var filter = Filters.and(
                date == null ? Filters.exists("_id") : Filters.eq("date", date.toString()),
                entity == null ? Filters.exists("_id") : Filters.eq("entity", entity.name()));
        return collections
                .get(MongoCollections.RUNS)
                .flatMapMany(c ->
                        Flux.from(c.find(filter).sort(Sorts.descending("date")).limit(200)))
                .map(RunStore::record);
    }

    /** Runs dated {@code from}..{@code to} (inclusive, ISO dates compare as strings), newest date first, then entity. */
    @Override
    public Flux<RunRecord> listBetween(LocalDate from, LocalDate to, Entity entity) {
        var filter = Filters.and(
                from == null ? Filters.exists("_id") : Filters.gte("date", from.toString()),
                to == null ? Filters.exists("_id") : Filters.lte("date", to.toString()),
                entity == null ? Filters.exists("_id") : Filters.eq("entity", entity.name()));
        return collections
                .get(MongoCollections.RUNS)
                .flatMapMany(c -> Flux.from(c.find(filter)
                        .sort(Sorts.orderBy(Sorts.descending("date"), Sorts.ascending("entity")))
                        .limit(400)))
                .map(RunStore::record);
    }

    /** Takes over a run left in PLANNING by an instance whose lease expired; empty when someone else holds it. */
    @Override
    public Mono<RunRecord> takeOver(String runId, String owner, Instant now, Instant leaseUntil) {
        return collections
                .get(MongoCollections.RUNS)
                .flatMap(c -> Mono.from(c.findOneAndUpdate(
                        Filters.and(
                                Filters.eq("_id", runId),
                                Filters.eq("state", PLANNING),
                                Filters.lt("lease_until", Date.from(now))),
                        Updates.combine(Updates.set("owner", owner), Updates.set("lease_until", Date.from(leaseUntil))),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))))
                .map(RunStore::record);
    }

    @Override
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
    @Override
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
    @Override
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
    @Override
    public Mono<Void> delete(String runId, String owner) {
        return collections
                .get(MongoCollections.RUNS)
                .flatMap(c -> Mono.from(c.deleteOne(Filters.and(
                        Filters.eq("_id", runId), Filters.eq("state", PLANNING), Filters.eq("owner", owner)))))
                .then();
    }

    /** One document per run made with nothing to plan ({@code nothing_to_plan}, {@code _id} = run id). */
    @Override
    public Mono<Void> noteNothingToPlan(String runId, String owner, Instant at) {
        return collections
                .get(MongoCollections.NOTHING_TO_PLAN)
                .flatMap(c -> Mono.from(c.replaceOne(
                        Filters.eq("_id", runId),
                        new Document("_id", runId).append("owner", owner).append("at", Date.from(at)),
                        new ReplaceOptions().upsert(true))))
                .then();
    }

    @Override
    public Mono<Boolean> foundNothingToPlan(String runId) {
        return collections
                .get(MongoCollections.NOTHING_TO_PLAN)
                .flatMap(c -> Mono.from(c.find(Filters.eq("_id", runId)).first()))
                .hasElement();
    }

    @Override
    public Mono<Void> markPublished(String runId, Instant at) {
        return collections
                .get(MongoCollections.RUNS)
                .flatMap(c -> Mono.from(c.updateOne(
                        Filters.and(Filters.eq("_id", runId), Filters.eq("state", RECORDED)),
                        Updates.combine(Updates.set("state", PUBLISHED), Updates.set("published_at", Date.from(at))))))
                .then();
    }

    /** A batch of the run could not be published: the run ends PUBLISH_FAILED with the reason, never swept again. */
    @Override
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

    @Override
    public Flux<RunRecord> inState(String state) {
        return collections
                .get(MongoCollections.RUNS)
                .flatMapMany(c -> Flux.from(c.find(Filters.eq("state", state))))
                .map(RunStore::record);
    }

    private static RunRecord record(Document d) {
        Date leaseUntil = d.getDate("lease_until");
        Date plannedAt = d.getDate("planned_at");
        String entity = d.getString("entity");
        String date = d.getString("date");
        return new RunRecord(
                d.getString("_id"),
                entity == null ? null : Entity.valueOf(entity),
                date == null ? null : LocalDate.parse(date),
                d.getString("state"),
                leaseUntil == null ? null : leaseUntil.toInstant(),
                plannedAt == null ? null : plannedAt.toInstant(),
                d.getString("run_completed_event"));
    }
}
