package fr.rdz.intake.lead.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import com.mongodb.reactivestreams.client.MongoCollection;
import fr.rdz.events.LeadReceived;
import fr.rdz.events.LeadStatus;
import fr.rdz.intake.config.IntakeProperties;
import fr.rdz.intake.lead.application.LeadOutbox;
import fr.rdz.intake.lead.application.ReceivedLeads;
import fr.rdz.intake.lead.application.StoredLead;
import fr.rdz.intake.lead.application.SubmitGuards;
import fr.rdz.kit.logging.CorrelationScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoExceptionTranslator;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Leads (with their outbox state) and double-submit guards. Writes use the client's majority write
 * concern. Submitted leads and guard claims go through a {@link GroupCommit} per collection: the
 * concurrent inserts of many requests are one unordered {@code insertMany}, each request still
 * answered only once its own document is acknowledged, with its own error (a duplicate guard).
 *
 * <p>Publication state: a lead to publish has an entry in the small {@code lead_outbox} collection
 * ({@link OutboxEntryDocument}), written and acknowledged before the lead and deleted only after
 * the lead is marked published; the relay's sweep reads that collection and looks each lead up by
 * {@code _id}, never scanning {@code leads}. Every query here on the submit path is an {@code _id}
 * lookup or insert (see the README's query table).
 */
@Component
public class LeadStore implements ReceivedLeads, SubmitGuards {

    private static final Logger log = LoggerFactory.getLogger(LeadStore.class);
    private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);

    private final ReactiveMongoTemplate mongo;
    private final MongoExceptionTranslator translator = new MongoExceptionTranslator();
    private final GroupCommit<LeadDocument> leadInserts;
    private final GroupCommit<SubmitGuardDocument> guardInserts;
    private final GroupCommit<OutboxEntryDocument> outboxInserts;
    private final Duration orphanGrace;
    private final Clock clock;

    public LeadStore(ReactiveMongoTemplate mongo, IntakeProperties properties, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        this.orphanGrace = properties.outbox().orphanGrace();
        LeadBson bson = new LeadBson(mongo.getConverter());
        IntakeProperties.GroupCommit group = properties.groupCommit();
        if (group.enabled()) {
            this.outboxInserts = new GroupCommit<>(
                    batch -> insertAll(batch, OutboxEntryDocument.class, bson::outboxEntry),
                    group.maxBatch(),
                    group.maxDelay(),
                    group.capacity(),
                    Schedulers.parallel());
            this.leadInserts = new GroupCommit<>(
                    batch -> insertAll(batch, LeadDocument.class, bson::lead),
                    group.maxBatch(),
                    group.maxDelay(),
                    group.capacity(),
                    Schedulers.parallel());
            this.guardInserts = new GroupCommit<>(
                    batch -> insertAll(batch, SubmitGuardDocument.class, bson::guard),
                    group.maxBatch(),
                    group.maxDelay(),
                    group.capacity(),
                    Schedulers.parallel());
        } else {
            this.leadInserts = null;
            this.guardInserts = null;
            this.outboxInserts = null;
        }
    }

    @Override
    public LeadDocument newLead(
            String id,
            LeadStatus status,
            String origin,
            String sessionId,
            String phone,
            Instant receivedAt,
            LeadReceived received,
            LeadOutbox outbox,
            List<String> warnings,
            String invalidEmail) {
        return new LeadDocument(
                id, status, origin, sessionId, phone, receivedAt, received, outbox, warnings, invalidEmail);
    }

    /** The document of a lead made by {@link #newLead} (no copy). */
    private static LeadDocument document(StoredLead lead) {
        if (lead instanceof LeadDocument document) {
            return document;
        }
        throw new IllegalArgumentException("a lead to store is made by LeadStore.newLead, got " + lead.getClass());
    }

    /** Inserts a new lead; fails with {@link DuplicateKeyException} when its id exists (an import seen before). */
    @Override
    public Mono<LeadDocument> insert(StoredLead lead) {
        return mongo.insert(document(lead));
    }

    /**
     * Inserts a submitted lead in the next group commit (alone when group commit is off or its queue
     * is full); emits it once acknowledged, fails with {@link DuplicateKeyException} when its id exists.
     */
    @Override
    public Mono<LeadDocument> insertSubmitted(StoredLead lead) {
        LeadDocument document = document(lead);
        return leadInserts == null ? mongo.insert(document) : leadInserts.submit(document);
    }

    /**
     * One unordered {@code insertMany}: every document is attempted; those refused (duplicate
     * {@code _id}) are reported by index as {@link DuplicateKeyException}, exactly as a single insert
     * would have failed. A write-concern failure or any other error fails the whole batch. Each
     * document is written by {@code toBson} ({@link LeadBson}: the mapping's exact output, without
     * its reflection).
     */
    <T> Mono<Map<Integer, Throwable>> insertAll(List<T> batch, Class<T> type, Function<T, Document> toBson) {
        List<Document> documents = new ArrayList<>(batch.size());
        for (T entity : batch) {
            documents.add(toBson.apply(entity));
        }
        return BatchWriteOutcomes.of(mongo.getCollection(mongo.getCollectionName(type))
                .flatMap(collection -> Mono.from(collection.insertMany(documents, UNORDERED))));
    }

    private Throwable translate(RuntimeException e) {
        RuntimeException translated = translator.translateExceptionIfPossible(e);
        return translated != null ? translated : e;
    }

    /** One lead by id (an {@code _id} lookup). */
    @Override
    public Mono<LeadDocument> lead(String id) {
        return mongo.findById(id, LeadDocument.class);
    }

    /**
     * Queues a lead for publication: its outbox entry, written (in a group commit) and acknowledged
     * before the lead itself is written, so that a stored lead always has one. An entry already there
     * (a retry of the same submission) is fine: emits once the entry is durable.
     */
    @Override
    public Mono<Void> queueForPublication(String leadId, Instant at) {
        OutboxEntryDocument entry = new OutboxEntryDocument(leadId, at, at);
        Mono<OutboxEntryDocument> insert = outboxInserts == null ? mongo.insert(entry) : outboxInserts.submit(entry);
        return insert.then().onErrorResume(DuplicateKeyException.class, already -> Mono.empty());
    }

    /** Drops the outbox entry of a lead that is not to be published (a double submit kept for audit). */
    @Override
    public Mono<Void> unqueue(String leadId) {
        return mongo.remove(Query.query(where("_id").is(leadId)), OutboxEntryDocument.class)
                .then();
    }

    /**
     * Leads still to publish whose outbox entry is due before {@code before}, oldest first: reads at
     * most {@code limit} entries of the outbox (never {@code leads} as a whole) and their leads by
     * {@code _id}. On the way, an entry whose lead is already published (or not to be published) is
     * deleted; an entry whose lead is not written yet is postponed (its request may still be writing
     * it), and dropped once older than {@code orphan-grace} (that request failed: never answered 2xx).
     */
    @Override
    public Flux<LeadDocument> pendingPublication(Instant before, int limit) {
        Query due = Query.query(where("checkAt").lt(before))
                .with(Sort.by("checkAt"))
                .limit(limit);
        return mongo.find(due, OutboxEntryDocument.class).collectList().flatMapMany(entries -> {
            if (entries.isEmpty()) {
                return Flux.empty();
            }
            List<String> ids = entries.stream().map(OutboxEntryDocument::id).toList();
            return mongo.find(Query.query(where("_id").in(ids)), LeadDocument.class)
                    .collectMap(LeadDocument::id)
                    .flatMapMany(leads -> settle(entries, leads));
        });
    }

    private Flux<LeadDocument> settle(List<OutboxEntryDocument> entries, Map<String, LeadDocument> leads) {
        Instant now = clock.instant();
        List<LeadDocument> pending = new ArrayList<>();
        List<String> done = new ArrayList<>();
        List<String> notWritten = new ArrayList<>();
        for (OutboxEntryDocument entry : entries) {
            LeadDocument lead = leads.get(entry.id());
            if (lead == null) {
                if (entry.queuedAt().isBefore(now.minus(orphanGrace))) {
                    try (CorrelationScope ids = CorrelationScope.ofLead(entry.id())) {
                        log.warn(
                                "Outbox entry of lead {} dropped: the lead was never written (its request failed, queued at {})",
                                entry.id(),
                                entry.queuedAt());
                    }
                    done.add(entry.id());
                } else {
                    notWritten.add(entry.id());
                }
            } else if (lead.outbox() != null && lead.outbox().isPending()) {
                pending.add(lead);
            } else {
                done.add(entry.id());
            }
        }
        Mono<Void> forget = done.isEmpty() ? Mono.empty() : forgetEntries(done);
        Mono<Void> postpone = notWritten.isEmpty()
                ? Mono.empty()
                : mongo.updateMulti(
                                Query.query(where("_id").in(notWritten)),
                                new Update().set("checkAt", now),
                                OutboxEntryDocument.class)
                        .then();
        return forget.then(postpone).thenMany(Flux.fromIterable(pending));
    }

    private Mono<Void> forgetEntries(Collection<String> ids) {
        return mongo.remove(Query.query(where("_id").in(ids)), OutboxEntryDocument.class)
                .then();
    }

    /**
     * Leads stored by a version that kept the outbox state only in the lead: each lead still
     * {@code pending} gets its outbox entry. A scan of {@code leads}, so done once per database
     * (remembered in {@code migrations}), at start, off the request path.
     */
    @Override
    public Mono<Long> adoptLegacyPending() {
        String marker = "lead_outbox.v1";
        return mongo.getCollection("migrations")
                .flatMap(migrations ->
                        Mono.from(migrations.find(new Document("_id", marker)).first()))
                .map(done -> 0L)
                .switchIfEmpty(Mono.defer(() -> mongo.find(
                                Query.query(where("outbox.state").is(LeadOutbox.PENDING)), LeadDocument.class)
                        .flatMap(
                                lead -> queueForPublication(
                                                lead.id(), lead.outbox().occurredAt())
                                        .thenReturn(1L),
                                64)
                        .reduce(0L, Long::sum)
                        .flatMap(adopted -> mongo.getCollection("migrations")
                                .flatMap(migrations -> Mono.from(migrations.insertOne(new Document("_id", marker)
                                        .append("at", java.util.Date.from(clock.instant())))))
                                .onErrorResume(e -> Mono.empty())
                                .thenReturn(adopted))));
    }

    /**
     * Marks leads published (the broker acknowledged their event): one {@code updateMany} for a whole
     * batch, filtered by {@code _id $in} (an index lookup per id on the wire server as on
     * {@code mongod}); then deletes their outbox entries (one {@code _id $in} delete). Written with the
     * driver's own filters, not through Spring Data's query and update mapping, which mapped the
     * update once per lead (session 8, issue 17: 4 % of intake's CPU, a {@code NumberFormatException}
     * thrown and caught per key). An entry is deleted only after its lead is marked: a crash in
     * between leaves an entry whose lead is published, which the sweep deletes without sending again.
     */
    @Override
    public Mono<Long> markPublished(Collection<String> ids, Instant at) {
        List<String> batch = List.copyOf(ids);
        Bson published = Updates.combine(
                Updates.set("outbox.state", LeadOutbox.PUBLISHED), Updates.set("outbox.publishedAt", Date.from(at)));
        return collection(LeadDocument.class)
                .flatMap(leads -> Mono.from(leads.updateMany(Filters.in("_id", batch), published)))
                .map(UpdateResult::getModifiedCount)
                .flatMap(marked -> collection(OutboxEntryDocument.class)
                        .flatMap(outbox -> Mono.from(outbox.deleteMany(Filters.in("_id", batch))))
                        .thenReturn(marked))
                .onErrorMap(RuntimeException.class, this::translate);
    }

    private Mono<MongoCollection<Document>> collection(Class<?> type) {
        return mongo.getCollection(mongo.getCollectionName(type));
    }

    /**
     * Claims the double-submit guard of {@code key} for {@code leadId}. Returns the original lead id
     * when another submission holds it since {@code windowStart} (this one is a double submit), empty
     * when this submission is the first (or the previous one is older than the window).
     */
    @Override
    public Mono<Optional<String>> claimGuard(String key, String leadId, Instant now, Instant windowStart) {
        SubmitGuardDocument guard = new SubmitGuardDocument(key, leadId, now);
        Mono<SubmitGuardDocument> insert = guardInserts == null ? mongo.insert(guard) : guardInserts.submit(guard);
        return insert.thenReturn(Optional.<String>empty())
                .onErrorResume(DuplicateKeyException.class, taken -> mongo.findById(key, SubmitGuardDocument.class)
                        .flatMap(holder -> holder.at().isBefore(windowStart)
                                ? takeOver(key, leadId, now, windowStart)
                                : Mono.just(Optional.of(holder.leadId())))
                        .defaultIfEmpty(Optional.empty()));
    }

    /**
     * Takes over a guard older than the window (the same session and phone submitted again later).
     * The only guard query that is not an {@code _id} lookup ({@code _id} + {@code at}: a scan of
     * {@code submit_guards} on the local wire server, which keeps about an hour of guards), and
     * only for that rare case; a concurrent taker that wins in between makes this one a repeat of it.
     */
    private Mono<Optional<String>> takeOver(String key, String leadId, Instant now, Instant windowStart) {
        return mongo.findAndModify(
                        Query.query(where("_id").is(key).and("at").lt(windowStart)),
                        new Update().set("leadId", leadId).set("at", now),
                        FindAndModifyOptions.none(),
                        SubmitGuardDocument.class)
                .map(expired -> Optional.<String>empty())
                .switchIfEmpty(Mono.defer(() -> mongo.findById(key, SubmitGuardDocument.class)
                        .map(first -> Optional.of(first.leadId()))
                        .defaultIfEmpty(Optional.empty())));
    }

    /** Retention of guards (no TTL index on the local wire server): older than {@code before} are deleted. */
    @Override
    public Mono<Long> purgeGuards(Instant before) {
        return mongo.remove(Query.query(where("at").lt(before)), SubmitGuardDocument.class)
                .map(r -> r.getDeletedCount());
    }
}
