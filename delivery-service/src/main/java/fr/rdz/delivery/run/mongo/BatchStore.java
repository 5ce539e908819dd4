package fr.rdz.delivery.run.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import fr.rdz.delivery.config.MongoCollections;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Batches ({@code batches}, {@code _id = <run_id>:<commande_id>}), which are also the outbox: each
 * holds its figures, its lead ids, the DeliveryPlanned and LeadDelivered envelopes (event ids fixed
 * when written) and a {@code published} flag the relay sets once the broker acknowledged them all.
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
                .flatMapMany(
                        c -> Flux.from(c.find(Filters.and(Filters.eq("run_id", runId), Filters.eq("published", false)))
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

    public Mono<Void> deleteRun(String runId) {
        return collections
                .get(MongoCollections.BATCHES)
                .flatMap(c -> Mono.from(c.deleteMany(Filters.eq("run_id", runId))))
                .then();
    }
}
