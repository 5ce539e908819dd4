package fr.rdz.routing.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The small collection of routing's pending outbox work, {@code pending_outbox}: one marker per document that may
 * hold events to publish, {@code _id = <collection>|<document _id>}, with the document's {@code collection} and
 * {@code doc_id}, a {@code stamp} new at every marking and {@code at} (the injected clock's instant of the last
 * marking). Every write that leaves events in a document's {@code outbox} marks it first ({@link #mark}, an
 * {@code _id} upsert acknowledged before the document's write is sent), so events are never stored without a
 * marker; a marker without events is harmless ({@link OutboxRelay} drops it). The relay's sweep reads only this
 * collection, never the documents' collections. Every query here is by {@code _id}, or by {@code _id} and
 * {@code stamp} through the unique index {@link #CAS_INDEX} (an index lookup on the Mongo stand-in, which keeps
 * only unique indexes; the {@code _id} index on MongoDB).
 */
@Component
public class PendingOutbox {

    public static final String COLLECTION = "pending_outbox";
    public static final String CAS_INDEX = "pending_outbox_cas";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public PendingOutbox(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** A marker as stored. */
    public record Marker(String key, String collection, Object docId, ObjectId stamp, Instant at) {

        static Marker of(Document d) {
            Date at = d.getDate("at");
            return new Marker(
                    d.getString("_id"),
                    d.getString("collection"),
                    d.get("doc_id"),
                    d.getObjectId("stamp"),
                    at == null ? Instant.EPOCH : at.toInstant());
        }
    }

    public static String key(String collection, Object id) {
        return collection + "|" + id;
    }

    /**
     * Records that the document {@code id} of {@code collection} is about to get events in its outbox. Completes
     * once the upsert is acknowledged: the caller sends its own write only then.
     */
    public Mono<Void> mark(String collection, Object id) {
        Update update = new Update()
                .set("collection", collection)
                .set("doc_id", id)
                .set("stamp", new ObjectId())
                .set("at", Date.from(clock.instant()));
        return mongo.upsert(Query.query(Criteria.where("_id").is(key(collection, id))), update, COLLECTION)
                .then();
    }

    /** The marker of one document, if any (by {@code _id}). */
    public Mono<Marker> find(String collection, Object id) {
        return mongo.findById(key(collection, id), Document.class, COLLECTION).map(Marker::of);
    }

    /** Every marker: the whole collection, which holds only the documents written lately or still to publish. */
    public Flux<Marker> all() {
        return mongo.findAll(Document.class, COLLECTION).map(Marker::of);
    }

    /**
     * Deletes the marker only if nobody marked the document again since {@code marker} was read (same
     * {@code stamp}): a writer that marked since keeps its marker.
     */
    public Mono<Boolean> dropIfUnchanged(Marker marker) {
        return mongo.remove(
                        Query.query(Criteria.where("_id")
                                .is(marker.key())
                                .and("stamp")
                                .is(marker.stamp())),
                        COLLECTION)
                .map(result -> result.getDeletedCount() > 0);
    }
}
