package fr.rdz.crmpush.push.mongo;

import fr.rdz.crmpush.push.application.DeadLetter;
import fr.rdz.crmpush.push.application.DeadLetterStore;
import fr.rdz.events.Entity;
import fr.rdz.kit.mongo.MongoIndexes;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code dead_letters}: one document per push id ({@code <batch_id>:<lead_id>}), re-opened if it dead-letters again. */
public class MongoDeadLetterStore implements DeadLetterStore, MongoIndexes {

    static final String COLLECTION = "dead_letters";

    private final ReactiveMongoTemplate mongo;

    public MongoDeadLetterStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Void> createIndexes() {
        return mongo.indexOps(COLLECTION)
                .ensureIndex(new Index().on("client_id", Sort.Direction.ASC).named("client"))
                .then();
    }

    @Override
    public Mono<Void> save(DeadLetter d) {
        Update update = new Update()
                .set("batch_id", d.batchId())
                .set("lead_id", d.leadId())
                .set("client_id", d.clientId())
                .set("client_name", d.clientName())
                .set("entity", d.entity() == null ? null : d.entity().name())
                .set("phone_masked", d.phoneMasked())
                .set("last_error", d.lastError())
                .set("attempts", d.attempts())
                .set("status", DeadLetter.OPEN)
                .set("dead_lettered_at", Date.from(d.deadLetteredAt()))
                .set("record_key", d.recordKey())
                .set("task", d.task())
                .unset("resolved_at")
                .setOnInsert("replay_count", 0);
        return mongo.upsert(new Query(Criteria.where("_id").is(d.id())), update, COLLECTION)
                .then();
    }

    @Override
    public Flux<DeadLetter> list(String clientId, String status) {
        Criteria criteria = new Criteria();
        if (clientId != null && !clientId.isBlank()) {
            criteria = criteria.and("client_id").is(clientId);
        }
        if (status != null && !status.isBlank()) {
            criteria = criteria.and("status").is(status);
        }
        return mongo.find(new Query(criteria).with(Sort.by("dead_lettered_at")), Document.class, COLLECTION)
                .map(MongoDeadLetterStore::deadLetter);
    }

    @Override
    public Flux<DeadLetter> byIds(List<String> ids) {
        return mongo.find(new Query(Criteria.where("_id").in(ids)), Document.class, COLLECTION)
                .map(MongoDeadLetterStore::deadLetter);
    }

    @Override
    public Mono<Void> markReplayed(String id, String operator, Instant at) {
        Update update = new Update()
                .set("status", DeadLetter.REPLAYED)
                .set("replayed_at", Date.from(at))
                .set("replayed_by", operator)
                .inc("replay_count", 1);
        return mongo.updateFirst(
                        new Query(Criteria.where("_id").is(id).and("status").ne(DeadLetter.RESOLVED)),
                        update,
                        COLLECTION)
                .flatMap(r -> r.getModifiedCount() > 0
                        ? Mono.empty()
                        : mongo.updateFirst(
                                new Query(Criteria.where("_id").is(id)),
                                new Update()
                                        .set("replayed_at", Date.from(at))
                                        .set("replayed_by", operator)
                                        .inc("replay_count", 1),
                                COLLECTION))
                .then();
    }

    @Override
    public Mono<Void> markResolved(String id, Instant at) {
        return mongo.updateFirst(
                        new Query(Criteria.where("_id").is(id).and("status").ne(DeadLetter.RESOLVED)),
                        new Update().set("status", DeadLetter.RESOLVED).set("resolved_at", Date.from(at)),
                        COLLECTION)
                .then();
    }

    private static DeadLetter deadLetter(Document d) {
        String entity = d.getString("entity");
        Object count = d.get("replay_count");
        Object attempts = d.get("attempts");
        return new DeadLetter(
                d.getString("_id"),
                d.getString("batch_id"),
                d.getString("lead_id"),
                d.getString("client_id"),
                d.getString("client_name"),
                entity == null ? null : Entity.valueOf(entity),
                d.getString("phone_masked"),
                d.getString("last_error"),
                attempts instanceof Number n ? n.intValue() : 0,
                d.getString("status"),
                instant(d, "dead_lettered_at"),
                instant(d, "replayed_at"),
                count instanceof Number n ? n.intValue() : 0,
                d.getString("replayed_by"),
                instant(d, "resolved_at"),
                d.getString("record_key"),
                d.getString("task"));
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
