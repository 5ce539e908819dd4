package fr.rdz.routing.lead.mongo;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Applies an update to a lead's routing record once per event: unless its history already holds
 * the event id. A compare-and-set on {@code (_id, historyVersion)}, a unique index (see
 * {@code MongoIndexes}), so that the Mongo stand-in serves it by index instead of scanning every
 * record (a filter on {@code _id} plus {@code history.eventId} is not an index lookup there): read
 * the record by {@code _id}; if the event is not in its history, write where the version is still
 * the one read and increment it; when another writer of this kind came first, read again.
 * Writers that do not append once-per-event lines leave the version alone.
 */
@Component
public class HistoryOnce {

    static final String VERSION = "historyVersion";
    private static final int ATTEMPTS = 50;

    private final ReactiveMongoTemplate mongo;

    public HistoryOnce(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * True when the record holds the event afterwards (applied now or before); false when there is
     * no routing record of {@code leadId} (yet).
     */
    public Mono<Boolean> apply(String leadId, String eventId, Supplier<Update> update) {
        return applyUnless(leadId, doc -> holds(doc, eventId), update, "history.eventId");
    }

    /**
     * The same compare-and-set for any once-only change: applies {@code update} unless the record, read with
     * {@code fields}, already satisfies {@code done}. True when it is done afterwards; false without a record.
     */
    public Mono<Boolean> applyUnless(
            String leadId, Predicate<Document> done, Supplier<Update> update, String... fields) {
        return Mono.defer(() -> read(leadId, fields))
                .flatMap(doc -> {
                    if (done.test(doc)) {
                        return Mono.just(true);
                    }
                    Object version = doc.get(VERSION);
                    if (version == null) {
                        // a record written before versions: give it one, never lowering another writer's
                        return mongo.updateFirst(byId(leadId), new Update().max(VERSION, 0), "leads")
                                .then(Mono.error(new Conflict()));
                    }
                    return mongo.updateFirst(
                                    Query.query(Criteria.where("_id")
                                            .is(leadId)
                                            .and(VERSION)
                                            .is(version)),
                                    update.get().inc(VERSION, 1),
                                    "leads")
                            .flatMap(r ->
                                    r.getModifiedCount() > 0 ? Mono.just(true) : Mono.<Boolean>error(new Conflict()));
                })
                .defaultIfEmpty(false)
                .retryWhen(Retry.backoff(ATTEMPTS, Duration.ofMillis(1))
                        .maxBackoff(Duration.ofMillis(50))
                        .filter(Conflict.class::isInstance));
    }

    private Mono<Document> read(String leadId, String... fields) {
        Query query = byId(leadId);
        for (String field : fields) {
            query.fields().include(field);
        }
        query.fields().include(VERSION);
        return mongo.findOne(query, Document.class, "leads");
    }

    private static boolean holds(Document doc, String eventId) {
        List<Document> history = doc.getList("history", Document.class, List.of());
        return history.stream().anyMatch(h -> eventId.equals(h.getString("eventId")));
    }

    private static Query byId(String leadId) {
        return Query.query(Criteria.where("_id").is(leadId));
    }

    /** Another writer changed the record between the read and the write: read again. */
    private static final class Conflict extends RuntimeException {
        Conflict() {
            super("routing record changed concurrently", null, false, false);
        }
    }
}
