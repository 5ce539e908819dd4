package fr.rdz.delivery.run.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import fr.rdz.delivery.mongo.MongoCollections;
import fr.rdz.delivery.run.application.BatchPart;
import fr.rdz.delivery.run.application.Batches;
import fr.rdz.delivery.run.application.StoredBatch;
import fr.rdz.events.Entity;
import fr.rdz.events.OutcomeChannel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Batches ({@code batches}, {@code _id = <run_id>:<commande_id>}), which are also the outbox: each
 * holds its figures, its lead ids, the number of its {@code parts} and a {@code published} flag the
 * relay sets once the broker acknowledged every event of the batch. The envelopes (event ids fixed
 * when written) are in {@code batch_parts}, one document per DeliveryPlanned part
 * ({@code _id = <batch_id>#<part>}, read by id only): the part's DeliveryPlanned and the
 * LeadDelivered of the leads it carries, so that no document grows with the batch. Batches written
 * before parts existed hold {@code planned_event} and {@code delivered_events} themselves. A batch
 * whose events cannot be published (a permanent failure) is marked {@code publish_failed} with
 * {@code publish_error}; every failed attempt counts in {@code publish_attempts} with
 * {@code last_publish_error}.
 */
@Repository
public class BatchStore implements Batches {

    private final MongoCollections collections;

    public BatchStore(MongoCollections collections) {
        this.collections = collections;
    }

    @Override
    public Mono<Void> write(List<StoredBatch> stored) {
        if (stored.isEmpty()) {
            return Mono.empty();
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (StoredBatch batch : stored) {
            Document b = document(batch);
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", b.get("_id")), b, new ReplaceOptions().upsert(true)));
        }
        return collections.get(MongoCollections.BATCHES).flatMap(c -> Flux.range(0, (writes.size() + 99) / 100)
                .concatMap(i -> Mono.from(c.bulkWrite(writes.subList(i * 100, Math.min(writes.size(), (i + 1) * 100)))))
                .then());
    }

    private static Document document(StoredBatch b) {
        StoredBatch.Figures f = b.figures();
        return new Document("_id", b.id())
                .append("run_id", b.runId())
                .append("order", b.order())
                .append("commande_id", b.commandeId())
                .append("client_id", b.clientId())
                .append("product", b.product())
                .append("lead_ids", b.leadIds())
                .append("target", f.target())
                .append("fresh", f.fresh())
                .append("lb", f.lb())
                .append("cross_entity", f.crossEntity())
                .append("duplicates_replaced", f.duplicatesReplaced())
                .append("short", f.isShort())
                .append(ShortReasonDocuments.FIELD, ShortReasonDocuments.write(f.shortReasons()))
                .append("client_name", b.clientName())
                .append("entity", b.entity().name())
                .append("run_date", b.runDate().toString())
                .append("published", b.published())
                .append("parts", b.parts())
                .append(
                        "channels",
                        b.channels().stream().map(OutcomeChannel::name).toList());
    }

    private static StoredBatch batch(Document b) {
        String entity = b.getString("entity");
        String runDate = b.getString("run_date");
        return new StoredBatch(
                b.getString("_id"),
                b.getString("run_id"),
                entity == null ? null : Entity.valueOf(entity),
                runDate == null ? null : LocalDate.parse(runDate),
                b.getInteger("order", 0),
                b.getString("commande_id"),
                b.getString("client_id"),
                b.getString("client_name"),
                b.getString("product"),
                b.getList("lead_ids", String.class, List.of()),
                new StoredBatch.Figures(
                        b.getInteger("target", 0),
                        b.getInteger("fresh", 0),
                        b.getInteger("lb", 0),
                        b.getInteger("cross_entity", 0),
                        b.getInteger("duplicates_replaced", 0),
                        b.getBoolean("short", false),
                        ShortReasonDocuments.read(b)),
                b.getList("channels", String.class, List.of()).stream()
                        .map(OutcomeChannel::valueOf)
                        .toList(),
                b.getBoolean("published", false),
                b.getInteger("parts"),
                b.getString("planned_event"),
                b.getList("delivered_events", String.class, List.of()));
    }

    /** One part of a batch's events: its DeliveryPlanned envelope and the LeadDelivered envelopes of its leads. */
    private static Document partDocument(BatchPart p) {
        return new Document("_id", partId(p.batchId(), p.part()))
                .append("batch_id", p.batchId())
                .append("run_id", p.runId())
                .append("run_date", p.runDate().toString())
                .append("part", p.part())
                .append("planned_event", p.plannedEvent())
                .append("delivered_events", List.copyOf(p.deliveredEvents()));
    }

    private static BatchPart part(Document d) {
        String runDate = d.getString("run_date");
        return new BatchPart(
                d.getString("batch_id"),
                d.getString("run_id"),
                runDate == null ? null : LocalDate.parse(runDate),
                d.getInteger("part", 0),
                d.getString("planned_event"),
                d.getList("delivered_events", String.class, List.of()));
    }

    static String partId(String batchId, int part) {
        return batchId + "#" + part;
    }

    @Override
    public Mono<Void> writeParts(List<BatchPart> stored) {
        if (stored.isEmpty()) {
            return Mono.empty();
        }
        return collections.get(MongoCollections.BATCH_PARTS).flatMap(c -> Flux.fromIterable(stored)
                .map(BatchStore::partDocument)
                .concatMap(p ->
                        Mono.from(c.replaceOne(Filters.eq("_id", p.get("_id")), p, new ReplaceOptions().upsert(true))))
                .then());
    }

    /** Parts 1…{@code count} of a batch, in order (each read by its id). */
    @Override
    public Flux<BatchPart> parts(String batchId, int count) {
        return collections.get(MongoCollections.BATCH_PARTS).flatMapMany(c -> Flux.range(1, count)
                .concatMap(part -> Mono.from(
                                c.find(Filters.eq("_id", partId(batchId, part))).first())
                        .switchIfEmpty(Mono.error(new IllegalStateException(
                                "batch " + batchId + ": part " + part + " of " + count + " is missing"))))
                .map(BatchStore::part));
    }

    /** Drops the event parts of a batch (personal data retention), each by its id. */
    Mono<Long> deleteParts(String batchId, int count) {
        return collections.get(MongoCollections.BATCH_PARTS).flatMap(c -> Flux.range(1, count)
                .concatMap(part -> Mono.from(c.deleteOne(Filters.eq("_id", partId(batchId, part)))))
                .map(r -> r.getDeletedCount())
                .reduce(0L, Long::sum));
    }

    /** A failed publication attempt: counted, with its reason. */
    @Override
    public Mono<Void> recordFailedAttempt(String batchId, String error, Instant at) {
        return update(batchId, failedAttempt(error, at));
    }

    /** The batch's events can never be published as they are: a failed attempt, and no relay takes it again. */
    @Override
    public Mono<Void> markFailed(String batchId, String error, Instant at) {
        return update(
                batchId,
                Updates.combine(
                        failedAttempt(error, at),
                        Updates.set("publish_failed", true),
                        Updates.set("publish_error", error)));
    }

    /** What a failed publication attempt records: one more attempt, its error and time; the claim is released. */
    private static Bson failedAttempt(String error, Instant at) {
        return Updates.combine(
                Updates.inc("publish_attempts", 1),
                Updates.set("last_publish_error", error),
                Updates.set("last_publish_attempt_at", Date.from(at)),
                Updates.unset("claim_until"));
    }

    private Mono<Void> update(String batchId, Bson update) {
        return collections
                .get(MongoCollections.BATCHES)
                .flatMap(c -> Mono.from(c.updateOne(Filters.eq("_id", batchId), update)))
                .then();
    }

    /** The batches of a run in service order, without their envelopes. */
    @Override
    public Flux<StoredBatch> ofRun(String runId) {
        return collections
                .get(MongoCollections.BATCHES)
                .flatMapMany(c -> Flux.from(c.find(Filters.eq("run_id", runId))
                        .projection(new Document("planned_event", 0).append("delivered_events", 0))
                        .sort(Sorts.ascending("order"))))
                .map(BatchStore::batch);
    }

    /** One batch by id, without its envelopes (a unique-key lookup). */
    @Override
    public Mono<StoredBatch> find(String batchId) {
        return collections
                .get(MongoCollections.BATCHES)
                .flatMap(c -> Mono.from(c.find(Filters.eq("_id", batchId))
                        .projection(new Document("planned_event", 0).append("delivered_events", 0))
                        .first()))
                .map(BatchStore::batch);
    }

    @Override
    public Flux<String> unpublishedIds(String runId) {
        return collections
                .get(MongoCollections.BATCHES)
                .flatMapMany(c -> Flux.from(c.find(Filters.and(
                                Filters.eq("run_id", runId),
                                Filters.eq("published", false),
                                Filters.ne("publish_failed", true)))
                        .projection(new Document("_id", 1))))
                .map(d -> d.getString("_id"));
    }

    /** Claims an unpublished batch for publication for a while; empty when published or claimed by another relay. */
    @Override
    public Mono<StoredBatch> claim(String batchId, String owner, Instant now, Instant until) {
        return collections
                .get(MongoCollections.BATCHES)
                .flatMap(c -> Mono.from(c.findOneAndUpdate(
                        Filters.and(
                                Filters.eq("_id", batchId),
                                Filters.eq("published", false),
                                Filters.ne("publish_failed", true),
                                Filters.or(
                                        Filters.exists("claim_until", false),
                                        Filters.lt("claim_until", Date.from(now)))),
                        Updates.combine(
                                Updates.set("claimed_by", owner), Updates.set("claim_until", Date.from(until))))))
                .map(BatchStore::batch);
    }

    @Override
    public Mono<Void> markPublished(String batchId, Instant at) {
        return collections
                .get(MongoCollections.BATCHES)
                .flatMap(c -> Mono.from(c.updateOne(
                        Filters.eq("_id", batchId),
                        Updates.combine(Updates.set("published", true), Updates.set("published_at", Date.from(at))))))
                .then();
    }

    @Override
    public Mono<Long> countUnpublished(String runId) {
        return collections
                .get(MongoCollections.BATCHES)
                .flatMap(c -> Mono.from(
                        c.countDocuments(Filters.and(Filters.eq("run_id", runId), Filters.eq("published", false)))));
    }

    /** Forgets everything written for a run (a run redone after its planner died): batches and their parts. */
    @Override
    public Mono<Void> deleteRun(String runId) {
        return collections
                .get(MongoCollections.BATCH_PARTS)
                .flatMap(c -> Mono.from(c.deleteMany(Filters.eq("run_id", runId))))
                .then(collections
                        .get(MongoCollections.BATCHES)
                        .flatMap(c -> Mono.from(c.deleteMany(Filters.eq("run_id", runId)))))
                .then();
    }

    /** How many batches of a run could not be published. */
    @Override
    public Mono<Long> countFailed(String runId) {
        return collections
                .get(MongoCollections.BATCHES)
                .flatMap(c -> Mono.from(c.countDocuments(
                        Filters.and(Filters.eq("run_id", runId), Filters.eq("publish_failed", true)))));
    }

    @Override
    public Mono<Long> dropPayloadsOfRunsBefore(LocalDate runDate) {
        String before = runDate.toString();
        return collections
                .get(MongoCollections.BATCHES)
                .flatMap(c -> Mono.from(c.updateMany(
                        Filters.and(
                                Filters.eq("published", true),
                                Filters.lt("run_date", before),
                                Filters.exists("delivered_events")),
                        Updates.combine(
                                Updates.unset("planned_event"),
                                Updates.unset("delivered_events"),
                                Updates.set("payloads_erased", true)))))
                .map(result -> result.getModifiedCount())
                .zipWith(dropPartsOfRunsBefore(before), Long::sum);
    }

    /** The event parts ({@code batch_parts}) of such batches, or of batches that could never be published: deleted. */
    private Mono<Long> dropPartsOfRunsBefore(String before) {
        return collections
                .get(MongoCollections.BATCHES)
                .flatMapMany(c -> Flux.from(c.find(Filters.and(
                                Filters.or(Filters.eq("published", true), Filters.eq("publish_failed", true)),
                                Filters.lt("run_date", before),
                                Filters.gt("parts", 0),
                                Filters.ne("payloads_erased", true)))
                        .projection(Projections.include("parts"))))
                .concatMap(batch -> deleteParts(batch.getString("_id"), batch.getInteger("parts"))
                        .then(collections
                                .get(MongoCollections.BATCHES)
                                .flatMap(c -> Mono.from(c.updateOne(
                                        Filters.eq("_id", batch.get("_id")), Updates.set("payloads_erased", true))))))
                .filter(result -> result.getModifiedCount() > 0)
                .count();
    }
}
