package fr.rdz.intake.tracking.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Visitor sessions and tracking events in this service's database. */
@Component
public class TrackingStore {

    private final ReactiveMongoTemplate mongo;

    public TrackingStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<VisitorSessionDocument> latestSession(String visitorId, String lpCode, Instant since) {
        Query query = Query.query(where("visitorId")
                        .is(visitorId)
                        .and("lpCode")
                        .is(lpCode)
                        .and("createdAt")
                        .gte(since))
                .with(Sort.by(Sort.Direction.DESC, "createdAt"))
                .limit(1);
        return mongo.findOne(query, VisitorSessionDocument.class);
    }

    public Mono<VisitorSessionDocument> insert(VisitorSessionDocument session) {
        return mongo.insert(session);
    }

    public Mono<VisitorSessionDocument> session(String id) {
        return mongo.findById(id, VisitorSessionDocument.class);
    }

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
    public Mono<VisitorSessionDocument> convert(String sessionId, String leadId) {
        return mongo.findAndModify(
                Query.query(where("_id").is(sessionId)),
                new Update().set("status", "converted").set("leadId", leadId),
                FindAndModifyOptions.none(),
                VisitorSessionDocument.class);
    }

    /** Inserts an event; false when its id exists (a once-per-session event already recorded). */
    public Mono<Boolean> insertOnce(TrackingEventDocument event) {
        return mongo.insert(event).thenReturn(true).onErrorReturn(DuplicateKeyException.class, false);
    }

    public Mono<TrackingEventDocument> insert(TrackingEventDocument event) {
        return mongo.insert(event);
    }

    public Mono<TrackingEventDocument> event(String id) {
        return mongo.findById(id, TrackingEventDocument.class);
    }
}
