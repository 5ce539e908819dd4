package fr.rdz.delivery.run.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import fr.rdz.delivery.config.MongoCollections;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
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
public class BatchStore {

    private final MongoCollections collections;

    public BatchStore(MongoCollections collections) {
        this.collections = collections;
    }

    public Mono<Void> write(List<Document> batches) {
        if (batches.isEmpty()) {
            return Mono.empty();
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Document b : batches) {
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", b.get("_id")), b, new ReplaceOptions().upsert(true)));
        }
        return collections.get(MongoCollections.BATCHES).flatMap(c -> Flux.range(0, (writes.size() + 99) / 100)
                .concatMap(i -> Mono.from(c.bulkWrite(writes.subList(i * 100, Math.min(writes.size(), (i + 1) * 100)))))
                .then());
    }

    /** One part of a batch's events: its DeliveryPlanned envelope and the LeadDelivered envelopes of its leads. */
    public static Document partDocument(
            String batchId, String runId, LocalDate runDate, int part, String plannedEvent, List<String> delivered) {
        return new Document("_id", partId(batchId, part))
                .append("batch_id", batchId)
                .append("run_id", runId)
                .append("run_date", runDate.toString())
                .append("part", part)
                .append("planned_event", plannedEvent)
                .append("delivered_events", List.copyOf(delivered));
    }

    static String partId(String batchId, int part) {
        return batchId + "#" + part;
    }

    public Mono<Void> writeParts(List<Document> parts) {
        if (parts.isEmpty()) {
            return Mono.empty();
        }
        return collections.get(MongoCollections.BATCH_PARTS).flatMap(c -> Flux.fromIterable(parts)
                .concatMap(p ->
                        Mono.from(c.replaceOne(Filters.eq("_id", p.get("_id")), p, new ReplaceOptions().upsert(true))))
                .then());
    }

    /** Parts 1…{@code count} of a batch, in order (each read by its id). */
    public Flux<Document> parts(String batchId, int count) {
        return collections.get(MongoCollections.BATCH_PARTS).flatMapMany(c -> Flux.range(1, count)
                .concatMap(part -> Mono.from(
                                c.find(Filters.eq("_id", partId(batchId, part))).first())
                        .switchIfEmpty(Mono.error(new IllegalStateException(
                                "batch " + batchId + ": part " + part + " of " + count + " is missing")))));
    }

    /** Drops the event parts of a batch (personal data retention), each by its id. */
    public Mono<Long> deleteParts(String batchId, int count) {
        return collections.get(MongoCollections.BATCH_PARTS).flatMap(c -> Flux.range(1, count)
                .concatMap(part -> Mono.from(c.deleteOne(Filters.eq("_id", partId(batchId, part)))))
                .map(r -> r.getDeletedCount())
                .reduce(0L, Long::sum));
    }

    /** A failed publication attempt: counted, with its reason. */
    public Mono<Void> recordFailedAttempt(String batchId, String error, Instant at) {
        return collections
                .get(MongoCollections.BATCHES)
                .flatMap(c -> Mono.from(c.updateOne(
                        Filters.eq("_id", batchId),
                        Updates.combine(
                                Updates.inc("publish_attempts", 1),
                                Updates.set("last_publish_error", error),
                                Updates.set("last_publish_attempt_at", Date.from(at)),
                                Updates.unset("claim_until")))))
                .then();
    }

    /** The batch's events can never be published as they are: no relay takes it again. */
    public Mono<Void> markFailed(String batchId, String error, Instant at) {
        return collections
                .get(MongoCollections.BATCHES)
                .flatMap(c -> Mono.from(c.updateOne(
                        Filters.eq("_id", batchId),
                        Updates.combine(
                                Updates.inc("publish_attempts", 1),
                                Updates.set("publish_failed", true),
                                Updates.set("publish_error", error),
                                Updates.set("last_publish_error", error),
                                Updates.set("last_publish_attempt_at", Date.from(at)),
                                Updates.unset("claim_until")))))
                .then();
    }

    /** The batches of a run in service order, without their envelopes. */
    public Flux<Document> ofRun(String runId) {
        return collections
                .get(MongoCollections.BATCHES)
                .flatMapMany(c -> Flux.from(c.find(Filters.eq("run_id", runId))
                        .projection(new Document("planned_event", 0).append("delivered_events", 0))
                        .sort(Sorts.ascending("order"))));
    }

    /** One batch by id, without its envelopes (a unique-key lookup). */
    public Mono<Document> find(String batchId) {
        return collections
                .get(MongoCollections.BATCHES)
                .flatMap(c -> Mono.from(c.find(Filters.eq("_id", batchId))
                        .projection(new Document("planned_event", 0).append("delivered_events", 0))
                        .first()));
    }

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
    public Mono<Document> claim(String batchId, String owner, Instant now, Instant until) {
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
                                Updates.set("claimed_by", owner), Updates.set("claim_until", Date.from(until))))));
    }

    public Mono<Void> markPublished(String batchId, Instant at) {
        return collections
                .get(MongoCollections.BATCHES)
                .flatMap(c -> Mono.from(c.updateOne(
                        Filters.eq("_id", batchId),
                        Updates.combine(Updates.set("published", true), Updates.set("published_at", Date.from(at))))))
                .then();
    }

    public Mono<Long> countUnpublished(String runId) {
        return collections
                .get(MongoCollections.BATCHES)
                .flatMap(c -> Mono.from(
                        c.countDocuments(Filters.and(Filters.eq("run_id", runId), Filters.eq("published", false)))));
    }

    /** Forgets everything written for a run (a run redone after its planner died): batches and their parts. */
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
    public Mono<Long> countFailed(String runId) {
        return collections
                .get(MongoCollections.BATCHES)
                .flatMap(c -> Mono.from(c.countDocuments(
                        Filters.and(Filters.eq("run_id", runId), Filters.eq("publish_failed", true)))));
    }
}
