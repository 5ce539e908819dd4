package fr.rdz.notifier.email.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import fr.rdz.events.Entity;
import fr.rdz.notifier.email.application.SentCsvs;
import fr.rdz.notifier.email.domain.BatchMail;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link SentCsvs} on reactive Mongo: collection {@code sent_csvs}, {@code _id} = batch id, the bytes
 * as BSON binary with their SHA-256, the file name and the entity; {@code phone_hashes} and
 * {@code first_received_at} (written first, by {@code IndexingSentCsv}) find it for an erasure or the retention
 * limit, which remove the bytes ({@code erased}). {@link #keep} is called from Kafka listener threads and waits.
 */
@Repository
class MongoSentCsvs implements SentCsvs {

    static final String COLLECTION = "sent_csvs";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ReactiveMongoTemplate mongo;

    MongoSentCsvs(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void keep(BatchMail mail, Instant at) {
        upsert(
                mail.batchId(),
                Updates.combine(
                        Updates.set("entity", mail.entity().name()),
                        Updates.set("file_name", mail.attachmentName()),
                        Updates.set("content", new Binary(mail.attachment())),
                        Updates.set("size", mail.attachment().length),
                        Updates.set("sha256", sha256(mail.attachment())),
                        Updates.set("kept_at", Date.from(at)),
                        Updates.set("erased", false),
                        Updates.unset("erased_at")));
    }

    @Override
    public void index(String batchId, List<String> phoneHashes, Instant firstReceivedAt) {
        upsert(
                batchId,
                Updates.combine(
                        Updates.set("phone_hashes", phoneHashes),
                        Updates.set("first_received_at", Date.from(firstReceivedAt))));
    }

    private void upsert(String batchId, Bson update) {
        mongo.getCollection(COLLECTION)
                .flatMap(c ->
                        Mono.from(c.updateOne(Filters.eq("_id", batchId), update, new UpdateOptions().upsert(true))))
                .block(TIMEOUT);
    }

    @Override
    public Flux<String> withPhone(String phoneHash) {
        return ids(Filters.and(Filters.eq("phone_hashes", phoneHash), Filters.ne("erased", true)), 0);
    }

    @Override
    public Flux<String> receivedBefore(Instant limit, int pageSize) {
        return ids(
                Filters.and(Filters.lt("first_received_at", Date.from(limit)), Filters.ne("erased", true)), pageSize);
    }

    @Override
    public Mono<Boolean> erase(String batchId, Instant at) {
        return mongo.getCollection(COLLECTION)
                .flatMap(c -> Mono.from(c.updateOne(
                        Filters.and(Filters.eq("_id", batchId), Filters.ne("erased", true)),
                        Updates.combine(
                                Updates.unset("content"),
                                Updates.unset("phone_hashes"),
                                Updates.set("erased", true),
                                Updates.set("erased_at", Date.from(at))))))
                .map(r -> r.getModifiedCount() == 1);
    }

    private Flux<String> ids(Bson filter, int limit) {
        return mongo.getCollection(COLLECTION)
                .flatMapMany(c -> Flux.from(
                        c.find(filter).projection(new Document("_id", 1)).limit(limit)))
                .map(d -> d.getString("_id"));
    }

    @Override
    public Mono<SentCsv> find(String batchId) {
        Mono<String> state = mongo.findOne(Query.query(where("_id").is(batchId)), SentMailDocument.class)
                .map(d -> d.state().name())
                .defaultIfEmpty("");
        return mongo.getCollection(COLLECTION)
                .flatMap(c -> Mono.from(c.find(new Document("_id", batchId)).first()))
                .filter(d -> d.getString("file_name") != null) // indexed, never composed
                .zipWith(
                        state,
                        (d, s) -> new SentCsv(
                                d.getString("_id"),
                                Entity.valueOf(d.getString("entity")),
                                d.getString("file_name"),
                                d.get("content") instanceof Binary b ? b.getData() : null,
                                d.getDate("kept_at").toInstant(),
                                s.isEmpty() ? null : s));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
