package fr.rdz.crmpush.push.mongo;

import fr.rdz.crmpush.push.application.ConsentWithdrawals;
import fr.rdz.events.Pii;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * {@code consent_withdrawals}: one document per person who withdrew, {@code _id} = the phone's hash
 * ({@link Pii#phoneHash}, never the phone), {@code withdrawnAt}. Inserted once, read by {@code _id}.
 */
public class MongoConsentWithdrawals implements ConsentWithdrawals {

    public static final String COLLECTION = "consent_withdrawals";

    private final ReactiveMongoTemplate mongo;

    public MongoConsentWithdrawals(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Void> remember(String phone, Instant withdrawnAt) {
        Document doc = new Document("_id", Pii.phoneHash(phone)).append("withdrawnAt", Date.from(withdrawnAt));
        return mongo.insert(doc, COLLECTION)
                .onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
                .then();
    }

    @Override
    public Mono<Boolean> withdrawn(String phone) {
        if (phone == null || phone.isBlank()) {
            return Mono.just(false);
        }
        return mongo.findById(Pii.phoneHash(phone), Document.class, COLLECTION).hasElement();
    }
}
