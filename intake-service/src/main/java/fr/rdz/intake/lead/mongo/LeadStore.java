package fr.rdz.intake.lead.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Leads (with their outbox state) and double-submit guards. Writes use the client's majority write concern. */
@Component
public class LeadStore {

    private final ReactiveMongoTemplate mongo;

    public LeadStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Inserts a new lead; fails with {@link DuplicateKeyException} when its id exists (an import seen before). */
    public Mono<LeadDocument> insert(LeadDocument lead) {
        return mongo.insert(lead);
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
        return mongo.insert(new SubmitGuardDocument(key, leadId, now))
                .thenReturn(Optional.<String>empty())
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
