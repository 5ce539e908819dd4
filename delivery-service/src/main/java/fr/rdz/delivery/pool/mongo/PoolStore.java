package fr.rdz.delivery.pool.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import fr.rdz.delivery.mongo.MongoCollections;
import fr.rdz.delivery.planning.domain.PoolLead;
import fr.rdz.delivery.pool.application.PoolLeads;
import fr.rdz.events.Entity;
import fr.rdz.events.EventCodec;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadRouted;
import fr.rdz.events.Product;
import fr.rdz.events.RoutingState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The lead pool view ({@code pool_leads}, one document per lead id): the planning fields at top level
 * (entity, product, département, phone, received_at, distributable, deliveries, rejected_by) and the
 * whole {@link LeadData} under {@code lead} for publication.
 */
@Repository
public class PoolStore implements PoolLeads {

    private static final Set<RoutingState> DISTRIBUTABLE = Set.of(RoutingState.FRESH, RoutingState.NO_ORDER);

    private final MongoCollections collections;

    public PoolStore(MongoCollections collections) {
        this.collections = collections;
    }

    /** Upserts the lead by id (a redelivered event changes nothing); deliveries and rejections are kept. */
    @Override
    public Mono<Void> upsert(LeadRouted routed, boolean erased) {
        LeadData lead = routed.lead();
        boolean distributable = !erased
                && DISTRIBUTABLE.contains(routed.state())
                // defence in depth: a person who refused to be called is never delivered (spec §11)
                && (lead.consent() == null || !lead.consent().refused())
                && lead.entity() != null
                && lead.product() != null
                && lead.phone() != null
                && lead.departement() != null
                && lead.receivedAt() != null;
        LeadData stored = erased ? erase(lead) : lead;
        Bson update = Updates.combine(
                Updates.set("state", routed.state().name()),
                Updates.set(
                        "entity", lead.entity() == null ? null : lead.entity().name()),
                Updates.set(
                        "product",
                        lead.product() == null ? null : lead.product().name()),
                Updates.set("departement", lead.departement()),
                Updates.set("phone", stored.phone()),
                Updates.set("received_at", lead.receivedAt() == null ? null : Date.from(lead.receivedAt())),
                Updates.set("distributable", distributable),
                Updates.set("erased", erased),
                Updates.set("consent_client_ids", routed.consentClientIds()),
                Updates.set("lead", toDocument(stored)));
        return collections
                .get(MongoCollections.POOL)
                .flatMap(c -> Mono.from(
                        c.updateOne(Filters.eq("_id", lead.leadId()), update, new UpdateOptions().upsert(true))))
                .then();
    }

    @Override
    public Mono<Void> markRejected(String leadId, String clientId) {
        return collections
                .get(MongoCollections.POOL)
                .flatMap(c ->
                        Mono.from(c.updateOne(Filters.eq("_id", leadId), Updates.addToSet("rejected_by", clientId))))
                .then();
    }

    /** Blanks the personal fields of every lead with this phone and takes them out of distribution. */
    @Override
    public Mono<Void> erase(String phone) {
        return erase(Filters.eq("phone", phone), 0).then();
    }

    @Override
    public Mono<Long> eraseReceivedBefore(Instant instant, int limit) {
        return erase(Filters.and(Filters.lt("received_at", Date.from(instant)), Filters.ne("erased", true)), limit);
    }

    /**
     * Blanks the personal fields of the pool leads matching {@code filter} (at most {@code limit}; 0:
     * all) and takes them out of distribution: the one anonymisation of a pool lead, shared by the
     * erasure of a person and the retention limit. Emits how many leads changed.
     */
    Mono<Long> erase(Bson filter, int limit) {
        return collections.get(MongoCollections.POOL).flatMap(c -> Flux.from(
                        c.find(filter).limit(limit))
                .concatMap(doc -> {
                    Document stored = doc.get("lead", Document.class);
                    Bson blank = Updates.combine(
                            Updates.set("phone", null),
                            Updates.set("erased", true),
                            Updates.set("distributable", false));
                    if (stored != null) {
                        blank = Updates.combine(blank, Updates.set("lead", toDocument(erase(fromDocument(stored)))));
                    }
                    return Mono.from(c.updateOne(Filters.eq("_id", doc.getString("_id")), blank));
                })
                .filter(result -> result.getModifiedCount() > 0)
                .count());
    }

    /** What a run reads of a pool document: the planning fields only, never the whole lead. */
    public static final Bson PLANNING_PROJECTION = Projections.include(
            "entity",
            "product",
            "departement",
            "phone",
            "received_at",
            "deliveries.at",
            "rejected_by",
            "consent_client_ids");

    /** The distributable leads of {@code entities} received before {@code before}. */
    public static Bson planningFilter(Collection<Entity> entities, Instant before) {
        return Filters.and(
                Filters.in("entity", entities.stream().map(Entity::name).toList()),
                Filters.eq("distributable", true),
                Filters.lt("received_at", Date.from(before)));
    }

    /** The distributable leads of {@code entities} received before {@code before}, planning fields only. */
    @Override
    public Flux<PoolLead> forPlanning(Collection<Entity> entities, Instant before) {
        return collections.get(MongoCollections.POOL).flatMapMany(c -> Flux.from(
                        c.find(planningFilter(entities, before))
                                .projection(PLANNING_PROJECTION)
                                .batchSize(10_000))
                .map(PoolStore::toPoolLead));
    }

    /** A pool document (planning projection) as the planner sees it. */
    public static PoolLead toPoolLead(Document d) {
        List<Instant> delivered = List.of();
        List<Document> deliveries = d.getList("deliveries", Document.class);
        if (deliveries != null && !deliveries.isEmpty()) {
            delivered = new ArrayList<>(deliveries.size());
            for (Document del : deliveries) {
                delivered.add(del.getDate("at").toInstant());
            }
        }
        List<String> rejected = d.getList("rejected_by", String.class);
        List<String> consent = d.getList("consent_client_ids", String.class);
        return new PoolLead(
                d.getString("_id"),
                Entity.valueOf(d.getString("entity")),
                Product.valueOf(d.getString("product")),
                d.getString("departement"),
                d.getString("phone"),
                d.getDate("received_at").toInstant(),
                delivered,
                rejected == null || rejected.isEmpty() ? Set.of() : new HashSet<>(rejected),
                consent == null ? null : new HashSet<>(consent));
    }

    /** The whole leads of these ids, for the published batches. */
    @Override
    public Flux<LeadData> leads(Collection<String> leadIds) {
        List<String> ids = List.copyOf(leadIds);
        return collections.get(MongoCollections.POOL).flatMapMany(c -> Flux.range(0, (ids.size() + 999) / 1000)
                .concatMap(chunk -> Flux.from(c.find(Filters.in(
                                        "_id", ids.subList(chunk * 1000, Math.min(ids.size(), (chunk + 1) * 1000))))
                                .projection(Projections.include("lead")))
                        .map(doc -> fromDocument(doc.get("lead", Document.class)))));
    }

    /** Marks leads delivered by a run (idempotent: one entry per run). */
    @Override
    public Mono<Void> recordDeliveries(String runId, Instant at, Map<String, String> clientByLead) {
        if (clientByLead.isEmpty()) {
            return Mono.empty();
        }
        List<WriteModel<Document>> writes = new ArrayList<>(clientByLead.size());
        clientByLead.forEach((leadId, clientId) -> writes.add(new UpdateOneModel<>(
                Filters.and(Filters.eq("_id", leadId), Filters.ne("deliveries.run_id", runId)),
                Updates.push(
                        "deliveries",
                        new Document("at", Date.from(at))
                                .append("client_id", clientId)
                                .append("run_id", runId)))));
        return collections.get(MongoCollections.POOL).flatMap(c -> Flux.fromIterable(chunks(writes))
                .concatMap(chunk -> Mono.from(c.bulkWrite(chunk)))
                .then());
    }

    /** Forgets what a half-done run marked, before it is redone. */
    @Override
    public Mono<Void> removeRunDeliveries(String runId) {
        return collections
                .get(MongoCollections.POOL)
                .flatMap(c -> Mono.from(c.updateMany(
                        Filters.eq("deliveries.run_id", runId),
                        Updates.pull("deliveries", new Document("run_id", runId)))))
                .then();
    }

    static <T> List<List<T>> chunks(List<T> list) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < list.size(); i += 1000) {
            chunks.add(list.subList(i, Math.min(list.size(), i + 1000)));
        }
        return chunks;
    }

    private static LeadData erase(LeadData lead) {
        return new LeadData(
                lead.leadId(),
                lead.receivedAt(),
                lead.entity(),
                lead.product(),
                lead.contact() == null ? null : lead.contact().erased(),
                lead.project(),
                lead.source(),
                null);
    }

    @SuppressWarnings("unchecked")
    static Document toDocument(Object value) {
        return new Document(EventCodec.mapper().convertValue(value, Map.class));
    }

    static LeadData fromDocument(Document document) {
        return EventCodec.mapper().convertValue(document, LeadData.class);
    }
}
