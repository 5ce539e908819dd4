package fr.rdz.notifier.email.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import fr.rdz.events.Entity;
import fr.rdz.notifier.email.application.SentCsvs;
import fr.rdz.notifier.email.domain.BatchMail;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * {@link SentCsvs} on reactive Mongo: collection {@code sent_csvs}, {@code _id} = batch id, the bytes
 * as BSON binary with their SHA-256, the file name and the entity. The lead's personal data is in these
 * bytes (see README, personal data). {@link #keep} is called from Kafka listener threads and waits.
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
        Document doc = new Document("_id", mail.batchId())
                .append("entity", mail.entity().name())
                .append("file_name", mail.attachmentName())
                .append("content", new Binary(mail.attachment()))
                .append("size", mail.attachment().length)
                .append("sha256", sha256(mail.attachment()))
                .append("kept_at", Date.from(at));
        mongo.getCollection(COLLECTION)
                .flatMap(c -> Mono.from(c.replaceOne(
                        new Document("_id", mail.batchId()),
                        doc,
                        new com.mongodb.client.model.ReplaceOptions().upsert(true))))
                .block(TIMEOUT);
    }

    @Override
    public Mono<SentCsv> find(String batchId) {
        Mono<String> state = mongo.findOne(Query.query(where("_id").is(batchId)), SentMailDocument.class)
                .map(d -> d.state().name())
                .defaultIfEmpty("");
        return mongo.getCollection(COLLECTION)
                .flatMap(c -> Mono.from(c.find(new Document("_id", batchId)).first()))
                .zipWith(
                        state,
                        (d, s) -> new SentCsv(
                                d.getString("_id"),
                                Entity.valueOf(d.getString("entity")),
                                d.getString("file_name"),
                                d.get("content", Binary.class).getData(),
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
