package fr.rdz.crmpush.push.mongo;

import fr.rdz.crmpush.push.application.Claim;
import fr.rdz.crmpush.push.application.LedgerEntry;
import fr.rdz.crmpush.push.application.PendingOutcome;
import fr.rdz.crmpush.push.application.PushLedger;
import fr.rdz.crmpush.push.domain.PushStatus;
import fr.rdz.crmpush.push.domain.PushTask;
import fr.rdz.events.DeliveryOutcome;
import fr.rdz.events.Entity;
import fr.rdz.events.OutcomeChannel;
import fr.rdz.events.OutcomeStatus;
import fr.rdz.events.Pii;
import fr.rdz.kit.mongo.MongoIndexes;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.PartialIndexFilter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code push_attempts}: one document per (batch_id, lead_id), {@code _id} {@code <batch_id>:<lead_id>} and a unique
 * index on the pair. Every change is a single-document write; the outcome to publish rides in the same write.
 */
public class MongoPushLedger implements PushLedger, MongoIndexes {

    static final String COLLECTION = "push_attempts";

    private static final List<String> FINAL = Arrays.stream(PushStatus.values())
            .filter(PushStatus::isFinal)
            .map(Enum::name)
            .toList();

    private final ReactiveMongoTemplate mongo;

    public MongoPushLedger(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Unique index names of the compare-and-sets (issue 17), each on exactly the fields its filter names. */
    static final String CLAIM_CAS = "claim_cas";

    static final String RECORD_CAS = "record_cas";
    static final String OUTCOME_CAS = "outcome_cas";

    /**
     * The unique index on (batch_id, lead_id), and one unique index per compare-and-set of the push path, on exactly
     * the fields its filter names (unique because {@code _id} is): the Mongo stand-in, which keeps only unique
     * indexes, serves each by index instead of scanning every push ever made (a field a document lacks is indexed
     * as null, so {@code lease_token: null} is a lookup too); on MongoDB the {@code _id} index serves them.
     */
    @Override
    public Mono<Void> createIndexes() {
        return Flux.concat(
                        mongo.indexOps(COLLECTION)
                                .ensureIndex(new Index()
                                        .on("batch_id", Sort.Direction.ASC)
                                        .on("lead_id", Sort.Direction.ASC)
                                        .unique()
                                        .named("batch_lead_unique")),
                        mongo.indexOps(COLLECTION)
                                .ensureIndex(new Index()
                                        .on("_id", Sort.Direction.ASC)
                                        .on("status", Sort.Direction.ASC)
                                        .on("lease_token", Sort.Direction.ASC)
                                        .unique()
                                        .named(CLAIM_CAS)),
                        mongo.indexOps(COLLECTION)
                                .ensureIndex(new Index()
                                        .on("_id", Sort.Direction.ASC)
                                        .on("lease_token", Sort.Direction.ASC)
                                        .unique()
                                        .named(RECORD_CAS)),
                        mongo.indexOps(COLLECTION)
                                .ensureIndex(new Index()
                                        .on("_id", Sort.Direction.ASC)
                                        .on("pending_outcome.event_id", Sort.Direction.ASC)
                                        .unique()
                                        .named(OUTCOME_CAS)),
                        // the stalled-push sweep (RecoveringStalledPushes, every recovery-interval): on MongoDB only
                        // the pushes not settled have a due_at (a partial index); the stand-in ignores it and scans
                        mongo.indexOps(COLLECTION)
                                .ensureIndex(new Index()
                                        .on("due_at", Sort.Direction.ASC)
                                        .partial(PartialIndexFilter.of(
                                                Criteria.where("due_at").exists(true)))
                                        .named("due_pushes")),
                        // the unpushed-lag gauge (every gauge-refresh) on MongoDB; the stand-in ignores it and scans
                        mongo.indexOps(COLLECTION)
                                .ensureIndex(new Index()
                                        .on("status", Sort.Direction.ASC)
                                        .on("entity", Sort.Direction.ASC)
                                        .named("status_entity")))
                .then();
    }

    @Override
    public Mono<Void> open(PushTask task, Instant now) {
        Update update = new Update()
                .setOnInsert("batch_id", task.batchId())
                .setOnInsert("lead_id", task.leadId())
                .setOnInsert("client_id", task.clientId())
                .setOnInsert(
                        "entity", task.entity() == null ? null : task.entity().name())
                .setOnInsert("status", PushStatus.PENDING.name())
                .setOnInsert("attempts", 0)
                .setOnInsert("created_at", Date.from(now))
                .setOnInsert("due_at", Date.from(now))
                .setOnInsert("task", TaskJson.encode(task))
                // what the erasure of a person (by phone) and the retention limit (by reception) look for
                .setOnInsert(
                        "phone_hash",
                        Pii.phoneHash(task.lead() == null ? null : task.lead().phone()))
                .setOnInsert(
                        "received_at",
                        Date.from(
                                task.lead() == null || task.lead().receivedAt() == null
                                        ? now
                                        : task.lead().receivedAt()));
        return mongo.upsert(byId(task.pushId()), update, COLLECTION)
                .onErrorResume(org.springframework.dao.DuplicateKeyException.class, e -> Mono.empty())
                .then();
    }

    /**
     * Takes the push's lease if it is not final and no lease holds it: reads the entry by {@code _id}, then writes
     * only where its status and lease token are still the ones read ({@link #CLAIM_CAS}), so of two claimers one
     * wins. Until issue 17 one write filtered on {@code _id} and the status and the lease's end, which the stand-in
     * served by a scan of every push.
     */
    @Override
    public Mono<Claim> claim(String pushId, Instant now, Duration lease) {
        String token = UUID.randomUUID().toString();
        Date until = Date.from(now.plus(lease));
        Update update =
                new Update().set("lease_until", until).set("lease_token", token).set("due_at", until);
        return mongo.findOne(byId(pushId), Document.class, COLLECTION)
                .filter(doc -> !FINAL.contains(doc.getString("status")) && leaseFree(doc, now))
                .flatMap(doc -> mongo.findAndModify(
                        unchanged(pushId, doc),
                        update,
                        FindAndModifyOptions.options().returnNew(true),
                        Document.class,
                        COLLECTION))
                .map(doc -> new Claim(token, intOf(doc, "attempts"), PushStatus.valueOf(doc.getString("status"))));
    }

    private static boolean leaseFree(Document doc, Instant now) {
        Date until = doc.getDate("lease_until");
        return until == null || until.toInstant().isBefore(now);
    }

    /** The entry as read: same status, same lease token (null when none), through {@link #CLAIM_CAS}. */
    private static Query unchanged(String pushId, Document read) {
        return new Query(Criteria.where("_id")
                .is(pushId)
                .and("status")
                .is(read.getString("status"))
                .and("lease_token")
                .is(read.getString("lease_token")));
    }

    @Override
    public Mono<LedgerEntry> find(String pushId) {
        return mongo.findOne(byId(pushId), Document.class, COLLECTION).map(MongoPushLedger::entry);
    }

    @Override
    public Mono<Boolean> record(
            String pushId,
            Claim claim,
            PushStatus status,
            int attempts,
            String lastError,
            PendingOutcome pending,
            Instant nextDue,
            Instant now) {
        Query query =
                new Query(Criteria.where("_id").is(pushId).and("lease_token").is(claim.token()));
        Update update = new Update()
                .set("status", status.name())
                .set("attempts", attempts)
                .set("updated_at", Date.from(now))
                .unset("lease_until")
                .unset("lease_token");
        if (lastError != null) {
            update.set("last_error", lastError);
        }
        if (status.isFinal()) {
            update.set("completed_at", Date.from(now));
        }
        if (nextDue != null) {
            update.set("due_at", Date.from(nextDue));
        } else {
            update.unset("due_at");
        }
        if (pending != null) {
            update.set("pending_outcome", document(pending));
        } else {
            update.unset("pending_outcome");
        }
        return mongo.updateFirst(query, update, COLLECTION).map(r -> r.getModifiedCount() > 0);
    }

    /**
     * Dead-letters the push unless it is final: read by {@code _id}, then written where its status and lease token
     * are still the ones read ({@link #CLAIM_CAS}); changed meanwhile, it is read again.
     */
    @Override
    public Mono<LedgerEntry> deadLettered(String pushId, PendingOutcome pending, Instant now) {
        Update update = new Update()
                .set("status", PushStatus.DEAD_LETTERED.name())
                .set("updated_at", Date.from(now))
                .set("dead_lettered_at", Date.from(now))
                .set("pending_outcome", document(pending))
                .unset("due_at")
                .unset("lease_until")
                .unset("lease_token");
        return mongo.findOne(byId(pushId), Document.class, COLLECTION)
                .filter(doc -> !FINAL.contains(doc.getString("status")))
                .flatMap(doc -> mongo.findAndModify(
                                unchanged(pushId, doc),
                                update,
                                FindAndModifyOptions.options().returnNew(true),
                                Document.class,
                                COLLECTION)
                        .map(MongoPushLedger::entry)
                        .switchIfEmpty(Mono.defer(() -> deadLettered(pushId, pending, now))));
    }

    @Override
    public Flux<PushTask> stalled(Instant dueBefore) {
        return mongo.find(stalledQuery(null, dueBefore).limit(500), Document.class, COLLECTION)
                .flatMap(d -> {
                    String json = d.getString("task");
                    return json == null ? Mono.empty() : Mono.just(TaskJson.decode(json));
                });
    }

    @Override
    public Mono<Boolean> requeue(String pushId, Instant dueBefore, Instant now) {
        Update update = new Update()
                .set("due_at", Date.from(now))
                .set("requeued_at", Date.from(now))
                .inc("requeues", 1)
                .unset("lease_until")
                .unset("lease_token");
        return mongo.updateFirst(stalledQuery(pushId, dueBefore), update, COLLECTION)
                .map(r -> r.getModifiedCount() > 0);
    }

    private static Query stalledQuery(String pushId, Instant dueBefore) {
        List<String> settled = new java.util.ArrayList<>(FINAL);
        settled.add(PushStatus.DEAD_LETTERED.name());
        Criteria criteria = Criteria.where("status").nin(settled).and("due_at").lt(Date.from(dueBefore));
        if (pushId != null) {
            criteria = criteria.and("_id").is(pushId);
        }
        return new Query(criteria);
    }

    @Override
    public Mono<Void> outcomePublished(String pushId, PendingOutcome pending) {
        Query query = new Query(Criteria.where("_id")
                .is(pushId)
                .and("pending_outcome.event_id")
                .is(pending.eventId().toString()));
        return mongo.updateFirst(query, new Update().unset("pending_outcome"), COLLECTION)
                .then();
    }

    private static Query byId(String id) {
        return new Query(Criteria.where("_id").is(id));
    }

    private static Document document(PendingOutcome pending) {
        DeliveryOutcome o = pending.outcome();
        return new Document("event_id", pending.eventId().toString())
                .append("batch_id", o.batchId())
                .append("run_id", o.runId())
                .append("entity", o.entity() == null ? null : o.entity().name())
                .append("client_id", o.clientId())
                .append("lead_ids", o.leadIds())
                .append("status", o.status().name())
                .append("reason", o.reason())
                .append("attempts", o.attempts())
                .append("at", Date.from(o.at()));
    }

    @SuppressWarnings("unchecked")
    private static PendingOutcome pending(Document d) {
        if (d == null) {
            return null;
        }
        String entity = d.getString("entity");
        return new PendingOutcome(
                UUID.fromString(d.getString("event_id")),
                new DeliveryOutcome(
                        d.getString("batch_id"),
                        d.getString("run_id"),
                        entity == null ? null : Entity.valueOf(entity),
                        d.getString("client_id"),
                        OutcomeChannel.API,
                        (List<String>) d.get("lead_ids"),
                        OutcomeStatus.valueOf(d.getString("status")),
                        d.getString("reason"),
                        intOf(d, "attempts"),
                        d.getDate("at").toInstant()));
    }

    static LedgerEntry entry(Document d) {
        return new LedgerEntry(
                d.getString("_id"),
                d.getString("batch_id"),
                d.getString("lead_id"),
                d.getString("client_id"),
                PushStatus.valueOf(d.getString("status")),
                intOf(d, "attempts"),
                d.getString("last_error"),
                pending(d.get("pending_outcome", Document.class)));
    }

    private static int intOf(Document d, String field) {
        Object v = d.get(field);
        return v instanceof Number n ? n.intValue() : 0;
    }
}
