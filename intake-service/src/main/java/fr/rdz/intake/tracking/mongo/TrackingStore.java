package fr.rdz.intake.tracking.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static fr.rdz.intake.tracking.mongo.TrackingDocuments.EVENTS;
import static fr.rdz.intake.tracking.mongo.TrackingDocuments.LP_SESSIONS;
import static fr.rdz.intake.tracking.mongo.TrackingDocuments.SESSIONS;

import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import fr.rdz.intake.config.IntakeProperties;
import fr.rdz.intake.lead.mongo.GroupCommit;
import fr.rdz.intake.tracking.application.TrackingEvent;
import fr.rdz.intake.tracking.application.TrackingEvents;
import fr.rdz.intake.tracking.application.VisitorSession;
import fr.rdz.intake.tracking.application.VisitorSessions;
import fr.rdz.intake.tracking.domain.Attribution;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveCollectionCallback;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Visitor sessions and tracking events in this service's database. Every read and write is by {@code _id} (one
 * value or {@code $in}); documents are written and read field by field ({@link TrackingDocuments}), through the
 * template's collections (its exception translation: a repeated {@code _id} is a {@link DuplicateKeyException}).
 */
@Component
public class TrackingStore implements VisitorSessions, TrackingEvents {

    private final ReactiveMongoTemplate mongo;
    private final GroupCommit<SessionLookup> lookups;
    private final BatchedWrites sessionWrites;
    private final BatchedWrites pointerWrites;
    private final BatchedWrites eventWrites;

    public TrackingStore(ReactiveMongoTemplate mongo, IntakeProperties properties) {
        this.mongo = mongo;
        IntakeProperties.GroupCommit group = properties.groupCommit();
        this.sessionWrites = new BatchedWrites(mongo, SESSIONS, group);
        this.pointerWrites = new BatchedWrites(mongo, LP_SESSIONS, group);
        this.eventWrites = new BatchedWrites(mongo, EVENTS, group);
        this.lookups = group.enabled()
                ? new GroupCommit<>(
                        this::lookUp, group.maxBatch(), group.maxDelay(), group.capacity(), Schedulers.parallel())
                : null;
    }

    /** One session lookup of a grouped read; {@code found} is set when the session exists. */
    private static final class SessionLookup {
        private final String id;
        private volatile VisitorSession found;

        private SessionLookup(String id) {
            this.id = id;
        }
    }

    /**
     * Inserts a new session, then points its visitor+LP to it (the next session call reuses it by {@code _id}); each
     * write is batched with the concurrent ones ({@link BatchedWrites}) and acknowledged before the next.
     */
    @Override
    public Mono<Void> open(VisitorSession session) {
        Mono<Void> inserted =
                Mono.defer(() -> sessionWrites.write(new InsertOneModel<>(TrackingDocuments.session(session))));
        if (session.visitorId() == null
                || session.visitorId().isEmpty()
                || session.lpCode() == null
                || session.lpCode().isEmpty()) {
            return inserted;
        }
        Document latest = TrackingDocuments.latestSession(session);
        return inserted.then(Mono.defer(() -> pointerWrites.write(
                new ReplaceOneModel<>(eq("_id", latest.get("_id")), latest, new ReplaceOptions().upsert(true)))));
    }

    /**
     * The visitor's latest session on this LP if it was opened since {@code since}: two {@code _id}
     * lookups (the visitor+LP pointer, then the session), whatever the number of sessions stored.
     */
    @Override
    public Mono<VisitorSession> latestSession(String visitorId, String lpCode, Instant since) {
        return byId(LP_SESSIONS, VisitorLpSessionDocument.key(visitorId, lpCode))
                .filter(latest -> !latest.getDate("createdAt").toInstant().isBefore(since))
                .flatMap(latest -> session(latest.getString("sessionId")))
                .filter(s -> visitorId.equals(s.visitorId()) && lpCode.equals(s.lpCode()));
    }

    @Override
    public Mono<VisitorSession> session(String id) {
        return byId(SESSIONS, id).map(TrackingDocuments::session);
    }

    /**
     * The same read as {@link #session}, grouped with the concurrent ones into one {@code _id $in}
     * query (an index lookup per id): the lead path reads its session this way when it is not cached.
     */
    @Override
    public Mono<VisitorSession> sessionGrouped(String id) {
        if (lookups == null) {
            return session(id);
        }
        return lookups.submit(new SessionLookup(id)).flatMap(lookup -> Mono.justOrEmpty(lookup.found));
    }

    private Mono<Map<Integer, Throwable>> lookUp(List<SessionLookup> batch) {
        Map<String, List<SessionLookup>> byId = new HashMap<>();
        batch.forEach(l -> byId.computeIfAbsent(l.id, k -> new ArrayList<>(1)).add(l));
        return mongo.execute(SESSIONS, c -> c.find(in("_id", byId.keySet())))
                .map(TrackingDocuments::session)
                .doOnNext(found -> byId.getOrDefault(found.id(), List.of()).forEach(l -> l.found = found))
                .then(Mono.just(Map.of()));
    }

    @Override
    public Mono<Void> fillFirstTouch(String sessionId, Attribution fill) {
        Document set = TrackingDocuments.firstTouchFill(fill);
        if (set.isEmpty()) {
            return Mono.empty();
        }
        return one(SESSIONS, c -> c.updateOne(eq("_id", sessionId), new Document("$set", set)));
    }

    @Override
    public Mono<Void> convert(String sessionId, String leadId) {
        return one(
                SESSIONS,
                c -> c.updateOne(
                        eq("_id", sessionId),
                        Updates.combine(
                                Updates.set("status", TrackingDocuments.CONVERTED), Updates.set("leadId", leadId))));
    }

    /** Inserts an event; false when its id exists (a once-per-session event already recorded). */
    @Override
    public Mono<Boolean> insertOnce(TrackingEvent event) {
        return insert(event).thenReturn(true).onErrorReturn(DuplicateKeyException.class, false);
    }

    /** Inserts an event, batched with the concurrent ones ({@link BatchedWrites}); completes once acknowledged. */
    @Override
    public Mono<Void> insert(TrackingEvent event) {
        return Mono.defer(() -> eventWrites.write(new InsertOneModel<>(TrackingDocuments.event(event))));
    }

    @Override
    public Mono<String> eventId(String id) {
        return mongo.execute(EVENTS, c -> c.find(eq("_id", id))
                        .projection(Projections.include("eventId"))
                        .first())
                .next()
                .mapNotNull(found -> found.getString("eventId"));
    }

    private Mono<Document> byId(String collection, String id) {
        return mongo.execute(collection, c -> c.find(eq("_id", id)).first()).next();
    }

    private <T> Mono<Void> one(String collection, ReactiveCollectionCallback<T> write) {
        return mongo.execute(collection, write).then();
    }
}
