package fr.rdz.delivery.run.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import fr.rdz.delivery.mongo.MongoCollections;
import fr.rdz.delivery.planning.domain.Delivery;
import fr.rdz.delivery.run.application.Ledger;
import fr.rdz.events.LeadDelivered;
import fr.rdz.events.Pii;
import fr.rdz.events.Product;
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
 * The authoritative delivery ledger ({@code ledger}): one line per (run, lead), {@code _id =
 * <run_id>:<lead_id>}, so a lead is in one batch of a run at most and a redone run rewrites the same
 * lines. Who got which phone + product, when, by which commande, Fresh or LB, cross-entity or not.
 */
@Repository
public class LedgerStore implements Ledger {

    private final MongoCollections collections;

    public LedgerStore(MongoCollections collections) {
        this.collections = collections;
    }

    @Override
    public Mono<Void> write(List<LeadDelivered> lines) {
        if (lines.isEmpty()) {
            return Mono.empty();
        }
        List<WriteModel<Document>> writes = new ArrayList<>(lines.size());
        for (LeadDelivered d : lines) {
            String id = d.runId() + ":" + d.leadId();
            Document doc = new Document("_id", id)
                    .append("lead_id", d.leadId())
                    .append("phone", d.phone())
                    .append("product", d.product().name())
                    .append("entity", d.entity().name())
                    .append("lead_entity", d.leadEntity().name())
                    .append("client_id", d.clientId())
                    .append("commande_id", d.commandeId())
                    .append("batch_id", d.batchId())
                    .append("run_id", d.runId())
                    .append("run_date", d.runDate().toString())
                    .append("delivered_at", Date.from(d.deliveredAt()))
                    .append("kind", d.kind().name())
                    .append("cross_entity", d.crossEntity());
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", id), doc, new ReplaceOptions().upsert(true)));
        }
        return collections.get(MongoCollections.LEDGER).flatMap(c -> Flux.range(0, (writes.size() + 999) / 1000)
                .concatMap(
                        i -> Mono.from(c.bulkWrite(writes.subList(i * 1000, Math.min(writes.size(), (i + 1) * 1000)))))
                .then());
    }

    /** Ledger lines delivered in [from, to). */
    @Override
    public Flux<Delivery> between(Instant from, Instant to) {
        return collections
                .get(MongoCollections.LEDGER)
                .flatMapMany(c -> Flux.from(c.find(Filters.and(
                        Filters.gte("delivered_at", Date.from(from)), Filters.lt("delivered_at", Date.from(to))))))
                .map(d -> new Delivery(
                        d.getString("lead_id"),
                        d.getString("phone"),
                        Product.valueOf(d.getString("product")),
                        d.getString("client_id"),
                        d.getString("commande_id"),
                        LocalDate.parse(d.getString("run_date")),
                        d.getDate("delivered_at").toInstant()));
    }

    public Mono<Long> countByRun(String runId) {
        return collections
                .get(MongoCollections.LEDGER)
                .flatMap(c -> Mono.from(c.countDocuments(Filters.eq("run_id", runId))));
    }

    @Override
    public Mono<Void> deleteRun(String runId) {
        return collections
                .get(MongoCollections.LEDGER)
                .flatMap(c -> Mono.from(c.deleteMany(Filters.eq("run_id", runId))))
                .then();
    }

    /** Erasure: the phone is replaced by a marker derived from its hash; the line still counts for quotas and figures. */
    @Override
    public Mono<Void> erasePhone(String phone, String hash) {
        return collections
                .get(MongoCollections.LEDGER)
                .flatMap(c ->
                        Mono.from(c.updateMany(Filters.eq("phone", phone), Updates.set("phone", erasedPhone(hash)))))
                .then();
    }

    @Override
    public Mono<Long> eraseExpiredPhones(Instant instant, int limit) {
        Bson expired = Filters.and(Filters.lt("delivered_at", Date.from(instant)), Filters.regex("phone", "^[0-9+]"));
        return collections.get(MongoCollections.LEDGER).flatMap(c -> Flux.from(
                        c.find(expired).projection(Projections.include("phone")).limit(limit))
                .concatMap(line -> {
                    String phone = line.getString("phone");
                    return Mono.from(c.updateOne(
                            Filters.and(Filters.eq("_id", line.get("_id")), Filters.eq("phone", phone)),
                            Updates.set("phone", erasedPhone(Pii.phoneHash(phone)))));
                })
                .filter(result -> result.getModifiedCount() > 0)
                .count());
    }

    /** What an erased phone becomes on a ledger line (erasure and retention alike): a marker derived from its hash. */
    public static String erasedPhone(String hash) {
        return "erased:" + hash;
    }
}
