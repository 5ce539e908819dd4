package fr.rdz.intake.lead.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import fr.rdz.intake.config.IntakeProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
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
 */
@Component
public class LeadStore {

    private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);
    private static final int DUPLICATE_KEY = 11000;

    private final ReactiveMongoTemplate mongo;
    private final MongoExceptionTranslator translator = new MongoExceptionTranslator();
    private final GroupCommit<LeadDocument> leadInserts;
    private final GroupCommit<SubmitGuardDocument> guardInserts;

    public LeadStore(ReactiveMongoTemplate mongo, IntakeProperties properties) {
        this.mongo = mongo;
        IntakeProperties.GroupCommit group = properties.groupCommit();
        if (group.enabled()) {
            this.leadInserts = new GroupCommit<>(
                    batch -> insertAll(batch, LeadDocument.class),
                    group.maxBatch(),
                    group.maxDelay(),
                    group.capacity(),
                    Schedulers.parallel());
            this.guardInserts = new GroupCommit<>(
                    batch -> insertAll(batch, SubmitGuardDocument.class),
                    group.maxBatch(),
                    group.maxDelay(),
                    group.capacity(),
                    Schedulers.parallel());
        } else {
            this.leadInserts = null;
            this.guardInserts = null;
        }
    }

    /** Inserts a new lead; fails with {@link DuplicateKeyException} when its id exists (an import seen before). */
    public Mono<LeadDocument> insert(LeadDocument lead) {
        return mongo.insert(lead);
    }

    /**
     * Inserts a submitted lead in the next group commit (alone when group commit is off or its queue
     * is full); emits it once acknowledged, fails with {@link DuplicateKeyException} when its id exists.
     */
    public Mono<LeadDocument> insertSubmitted(LeadDocument lead) {
        return leadInserts == null ? mongo.insert(lead) : leadInserts.submit(lead);
    }

    /**
     * One unordered {@code insertMany}: every document is attempted; those refused (duplicate
     * {@code _id}) are reported by index as {@link DuplicateKeyException}, exactly as a single insert
     * would have failed. A write-concern failure or any other error fails the whole batch.
     */
    <T> Mono<Map<Integer, Throwable>> insertAll(List<T> batch, Class<T> type) {
        List<Document> documents = new ArrayList<>(batch.size());
        for (T entity : batch) {
            Document document = new Document();
            mongo.getConverter().write(entity, document);
            documents.add(document);
        }
        return mongo.getCollection(mongo.getCollectionName(type))
                .flatMap(collection -> Mono.from(collection.insertMany(documents, UNORDERED)))
                .map(done -> Map.<Integer, Throwable>of())
                .onErrorResume(
                        e -> e instanceof MongoBulkWriteException bulk && bulk.getWriteConcernError() == null,
                        e -> Mono.just(errorsByIndex((MongoBulkWriteException) e)))
                .onErrorMap(RuntimeException.class, this::translate);
    }

    private static Map<Integer, Throwable> errorsByIndex(MongoBulkWriteException e) {
        Map<Integer, Throwable> errors = new HashMap<>();
        for (BulkWriteError error : e.getWriteErrors()) {
            errors.put(
                    error.getIndex(),
                    error.getCode() == DUPLICATE_KEY
                            ? new DuplicateKeyException(error.getMessage())
                            : new DataIntegrityViolationException(error.getMessage()));
        }
        return errors;
    }

    private Throwable translate(RuntimeException e) {
        RuntimeException translated = translator.translateExceptionIfPossible(e);
        return translated != null ? translated : e;
    }

    /** One lead by id (an {@code _id} lookup). */
    public Mono<LeadDocument> lead(String id) {
        return mongo.findById(id, LeadDocument.class);
    }

    /** Leads still to publish, written before {@code before}, oldest first. */
    public Flux<LeadDocument> pendingPublication(Instant before, int limit) {
        Query query = Query.query(where("outbox.state")
                        .is(LeadDocument.Outbox.PENDING)
                        .and("outbox.occurredAt")
                        .lt(before))
                .with(Sort.by("outbox.occurredAt"))
                .limit(limit);
        return mongo.find(query, LeadDocument.class);
    }

    /**
     * Marks leads published (the broker acknowledged their event): one bulk write for a whole batch,
     * one update by {@code _id} per lead, so that every update is an index lookup (an {@code $in}
     * filter is a collection scan on the local wire server).
     */
    public Mono<Long> markPublished(Collection<String> ids, Instant at) {
        Update published =
                new Update().set("outbox.state", LeadDocument.Outbox.PUBLISHED).set("outbox.publishedAt", at);
        var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, LeadDocument.class);
        ids.forEach(id -> bulk.updateOne(Query.query(where("_id").is(id)), published));
        return bulk.execute().map(r -> (long) r.getModifiedCount());
    }

    /**
     * Claims the double-submit guard of {@code key} for {@code leadId}. Returns the original lead id
     * when another submission holds it since {@code windowStart} (this one is a double submit), empty
     * when this submission is the first (or the previous one is older than the window).
     */
    public Mono<Optional<String>> claimGuard(String key, String leadId, Instant now, Instant windowStart) {
        SubmitGuardDocument guard = new SubmitGuardDocument(key, leadId, now);
        Mono<SubmitGuardDocument> insert = guardInserts == null ? mongo.insert(guard) : guardInserts.submit(guard);
        return insert.thenReturn(Optional.<String>empty())
                .onErrorResume(DuplicateKeyException.class, taken -> mongo.findAndModify(
                                Query.query(where("_id").is(key).and("at").lt(windowStart)),
                                new Update().set("leadId", leadId).set("at", now),
                                FindAndModifyOptions.none(),
                                SubmitGuardDocument.class)
                        .map(expired -> Optional.<String>empty())
                        .switchIfEmpty(Mono.defer(() -> mongo.findById(key, SubmitGuardDocument.class)
                                .map(first -> Optional.of(first.leadId()))
                                .defaultIfEmpty(Optional.empty()))));
    }

    /** Retention of guards (no TTL index on the local wire server): older than {@code before} are deleted. */
    public Mono<Long> purgeGuards(Instant before) {
        return mongo.remove(Query.query(where("at").lt(before)), SubmitGuardDocument.class)
                .map(r -> r.getDeletedCount());
    }
}
