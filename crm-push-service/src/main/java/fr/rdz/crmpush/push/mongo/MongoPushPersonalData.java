package fr.rdz.crmpush.push.mongo;

import fr.rdz.crmpush.push.application.DeadLetter;
import fr.rdz.crmpush.push.application.PushPersonalData;
import fr.rdz.crmpush.push.domain.PushStatus;
import fr.rdz.events.Pii;
import fr.rdz.kit.mongo.MongoIndexes;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link PushPersonalData} on {@code push_attempts} and {@code dead_letters}. Ledger entries are
 * found by {@code phone_hash} (SHA-256, written when the entry is opened) or {@code received_at}; dead
 * letters by {@code record_key} (the phone the task was keyed by) or {@code dead_lettered_at}. Each
 * query is an equality or a range on one indexed field.
 */
public class MongoPushPersonalData implements PushPersonalData, MongoIndexes {

    static final String ERASED = "erased";
    static final String ERASED_REASON = "personal data erased";

    private final ReactiveMongoTemplate mongo;

    public MongoPushPersonalData(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Void> createIndexes() {
        return Flux.concat(
                        mongo.indexOps(MongoPushLedger.COLLECTION)
                                .ensureIndex(new Index().on("phone_hash", Sort.Direction.ASC)),
                        mongo.indexOps(MongoPushLedger.COLLECTION)
                                .ensureIndex(new Index().on("received_at", Sort.Direction.ASC)),
                        mongo.indexOps(MongoDeadLetterStore.COLLECTION)
                                .ensureIndex(new Index().on("record_key", Sort.Direction.ASC)),
                        mongo.indexOps(MongoDeadLetterStore.COLLECTION)
                                .ensureIndex(new Index().on("dead_lettered_at", Sort.Direction.ASC)))
                .then();
    }

    @Override
    public Flux<String> pushesOf(String phone) {
        if (phone == null || phone.isBlank()) {
            return Flux.empty();
        }
        Flux<String> entries = ids(
                MongoPushLedger.COLLECTION,
                Query.query(Criteria.where("phone_hash").is(Pii.phoneHash(phone))));
        Flux<String> letters = ids(
                MongoDeadLetterStore.COLLECTION,
                Query.query(Criteria.where("record_key").is(phone)));
        return Flux.concat(entries, letters).distinct();
    }

    @Override
    public Flux<String> receivedBefore(Instant before, int limit) {
        // an entry opened before received_at was written falls back on created_at (always after the reception)
        Criteria expired = new Criteria()
                .orOperator(
                        Criteria.where("received_at").lt(Date.from(before)),
                        Criteria.where("created_at").lt(Date.from(before)));
        return ids(
                MongoPushLedger.COLLECTION,
                Query.query(new Criteria()
                                .andOperator(expired, Criteria.where(ERASED).ne(true)))
                        .limit(limit));
    }

    @Override
    public Flux<String> deadLetteredBefore(Instant before, int limit) {
        return ids(
                MongoDeadLetterStore.COLLECTION,
                Query.query(Criteria.where("dead_lettered_at")
                                .lt(Date.from(before))
                                .and(ERASED)
                                .ne(true))
                        .limit(limit));
    }

    @Override
    public Mono<Boolean> erase(String pushId, Instant at) {
        return Mono.zip(eraseEntry(pushId, at), eraseDeadLetter(pushId, at), (entry, letter) -> entry || letter);
    }

    private Mono<Boolean> eraseEntry(String pushId, Instant at) {
        return mongo.findOne(byId(pushId), Document.class, MongoPushLedger.COLLECTION)
                .flatMap(entry -> {
                    Update update = new Update()
                            .set(ERASED, true)
                            .set("erased_at", Date.from(at))
                            .unset("phone_hash")
                            .set("task", erasedTask(entry.getString("task")));
                    String status = entry.getString("status");
                    if (status == null || !PushStatus.valueOf(status).isFinal()) {
                        update.set("status", PushStatus.ERASED.name())
                                .set("last_error", ERASED_REASON)
                                .set("completed_at", Date.from(at))
                                .unset("lease_until")
                                .unset("lease_token")
                                .unset("due_at");
                    }
                    return mongo.updateFirst(byId(pushId), update, MongoPushLedger.COLLECTION);
                })
                .map(result -> result.getModifiedCount() > 0)
                .defaultIfEmpty(false);
    }

    private Mono<Boolean> eraseDeadLetter(String pushId, Instant at) {
        return mongo.findOne(byId(pushId), Document.class, MongoDeadLetterStore.COLLECTION)
                .flatMap(letter -> {
                    Update update = new Update()
                            .set(ERASED, true)
                            .set("erased_at", Date.from(at))
                            .set("record_key", letter.getString("client_id"))
                            .unset("phone_masked")
                            .set("task", erasedTask(letter.getString("task")));
                    if (!DeadLetter.RESOLVED.equals(letter.getString("status"))) {
                        update.set("status", DeadLetter.RESOLVED).set("resolved_at", Date.from(at));
                    }
                    return mongo.updateFirst(byId(pushId), update, MongoDeadLetterStore.COLLECTION);
                })
                .map(result -> result.getModifiedCount() > 0)
                .defaultIfEmpty(false);
    }

    /** The task with its lead erased; a record that is not a readable task is dropped (it may hold anything). */
    private static String erasedTask(String json) {
        if (json == null) {
            return null;
        }
        try {
            return TaskJson.encode(TaskJson.decode(json).erased());
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    private Flux<String> ids(String collection, Query query) {
        query.fields().include("_id");
        return mongo.find(query, Document.class, collection).map(d -> String.valueOf(d.get("_id")));
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
