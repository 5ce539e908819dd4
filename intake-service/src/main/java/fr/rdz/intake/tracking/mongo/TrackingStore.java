package fr.rdz.intake.tracking.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;

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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Visitor sessions and tracking events in this service's database. */
@Component
public class TrackingStore implements VisitorSessions, TrackingEvents {

    private final ReactiveMongoTemplate mongo;
    private final GroupCommit<SessionLookup> lookups;

    public TrackingStore(ReactiveMongoTemplate mongo, IntakeProperties properties) {
        this.mongo = mongo;
        IntakeProperties.GroupCommit group = properties.groupCommit();
        this.lookups = group.enabled()
                ? new GroupCommit<>(
                        this::lookUp, group.maxBatch(), group.maxDelay(), group.capacity(), Schedulers.parallel())
                : null;
    }

    /** One session lookup of a grouped read; {@code found} is set when the session exists. */
    private static final class SessionLookup {
        private final String id;
        private volatile VisitorSessionDocument found;

        private SessionLookup(String id) {
            this.id = id;
        }
    }

    @Override
    public VisitorSessionDocument newSession(
            String id,
            String visitorId,
            String lpCode,
            String formCode,
            String liaisonCode,
            String referrer,
            String userAgent,
            Attribution firstTouch,
            String ip,
            Instant createdAt) {
        return new VisitorSessionDocument(
                id,
                visitorId,
                lpCode,
                formCode,
                liaisonCode,
                referrer,
                userAgent,
                firstTouch.utmSource(),
                firstTouch.utmMedium(),
                firstTouch.utmCampaign(),
                firstTouch.utmContent(),
                firstTouch.utmTerm(),
                firstTouch.gclid(),
                firstTouch.fbclid(),
                ip,
                createdAt,
                "active",
                null);
    }

    @Override
    public TrackingEventDocument newEvent(
            String id,
            String eventId,
            String sessionId,
            String visitorId,
            String type,
            String lpCode,
            String formCode,
            String liaisonCode,
            Attribution a,
            String referrer,
            String userAgent,
            String ip,
            Instant createdAt) {
        return new TrackingEventDocument(
                id,
                eventId,
                sessionId,
                visitorId,
                type,
                lpCode,
                formCode,
                liaisonCode,
                a.utmSource(),
                a.utmMedium(),
                a.utmCampaign(),
                a.utmContent(),
                a.utmTerm(),
                a.gclid(),
                a.fbclid(),
                referrer,
                userAgent,
                ip,
                createdAt);
    }

    /** The document of a session made by {@link #newSession} (no copy). */
    private static VisitorSessionDocument document(VisitorSession session) {
        if (session instanceof VisitorSessionDocument document) {
            return document;
        }
        throw new IllegalArgumentException("a session to store is made by TrackingStore.newSession");
    }

    /** The document of an event made by {@link #newEvent} (no copy). */
    private static TrackingEventDocument document(TrackingEvent event) {
        if (event instanceof TrackingEventDocument document) {
            return document;
        }
        throw new IllegalArgumentException("an event to store is made by TrackingStore.newEvent");
    }

    /**
     * The visitor's latest session on this LP if it was opened since {@code since}: two {@code _id}
     * lookups (the visitor+LP pointer, then the session), whatever the number of sessions stored.
     */
    @Override
    public Mono<VisitorSessionDocument> latestSession(String visitorId, String lpCode, Instant since) {
        return mongo.findById(VisitorLpSessionDocument.key(visitorId, lpCode), VisitorLpSessionDocument.class)
                .filter(latest -> !latest.createdAt().isBefore(since))
                .flatMap(latest -> session(latest.sessionId()))
                .filter(s -> visitorId.equals(s.visitorId()) && lpCode.equals(s.lpCode()));
    }

    @Override
    public Mono<VisitorSessionDocument> open(VisitorSession opened) {
        return insert(document(opened));
    }

    /** Inserts a new session, then points its visitor+LP to it (the next session call reuses it by {@code _id}). */
    public Mono<VisitorSessionDocument> insert(VisitorSessionDocument session) {
        Mono<VisitorSessionDocument> inserted = mongo.insert(session);
        if (session.visitorId() == null
                || session.visitorId().isEmpty()
                || session.lpCode() == null
                || session.lpCode().isEmpty()) {
            return inserted;
        }
        return inserted.flatMap(s -> mongo.save(new VisitorLpSessionDocument(
                        VisitorLpSessionDocument.key(s.visitorId(), s.lpCode()), s.id(), s.createdAt()))
                .thenReturn(s));
    }

    @Override
    public Mono<VisitorSessionDocument> session(String id) {
        return mongo.findById(id, VisitorSessionDocument.class);
    }

    /**
     * The same read as {@link #session}, grouped with the concurrent ones into one {@code _id $in}
     * query (an index lookup per id): the lead path reads its session this way when it is not cached.
     */
    @Override
    public Mono<VisitorSessionDocument> sessionGrouped(String id) {
        if (lookups == null) {
            return session(id);
        }
        return lookups.submit(new SessionLookup(id)).flatMap(lookup -> Mono.justOrEmpty(lookup.found));
    }

    private Mono<Map<Integer, Throwable>> lookUp(List<SessionLookup> batch) {
        Map<String, List<SessionLookup>> byId = new HashMap<>();
        batch.forEach(l -> byId.computeIfAbsent(l.id, k -> new ArrayList<>(1)).add(l));
        return mongo.find(Query.query(where("_id").in(byId.keySet())), VisitorSessionDocument.class)
                .doOnNext(found -> byId.getOrDefault(found.id(), List.of()).forEach(l -> l.found = found))
                .then(Mono.just(Map.of()));
    }

    @Override
    public Mono<Void> fill(String sessionId, Map<String, String> fields) {
        if (fields.isEmpty()) {
            return Mono.empty();
        }
        Update update = new Update();
        fields.forEach(update::set);
        return mongo.updateFirst(Query.query(where("_id").is(sessionId)), update, VisitorSessionDocument.class)
                .then();
    }

    /** Marks the session converted by a lead and returns it as it was (its attribution), or empty when unknown. */
    @Override
    public Mono<VisitorSessionDocument> convert(String sessionId, String leadId) {
        return mongo.findAndModify(
                Query.query(where("_id").is(sessionId)),
                new Update().set("status", "converted").set("leadId", leadId),
                FindAndModifyOptions.none(),
                VisitorSessionDocument.class);
    }

    /** Inserts an event; false when its id exists (a once-per-session event already recorded). */
    @Override
    public Mono<Boolean> insertOnce(TrackingEvent event) {
        return mongo.insert(document(event)).thenReturn(true).onErrorReturn(DuplicateKeyException.class, false);
    }

    @Override
    public Mono<TrackingEventDocument> insert(TrackingEvent event) {
        return mongo.insert(document(event));
    }

    @Override
    public Mono<TrackingEventDocument> event(String id) {
        return mongo.findById(id, TrackingEventDocument.class);
    }
}
