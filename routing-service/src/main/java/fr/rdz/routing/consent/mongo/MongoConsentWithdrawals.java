package fr.rdz.routing.consent.mongo;

import fr.rdz.routing.consent.application.ConsentWithdrawals;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@link ConsentWithdrawals} in {@code consent_withdrawals} ({@link ConsentWithdrawalDocument}, keyed by the phone's
 * hash): one read by {@code _id}, and the insert of a first withdrawal (a later one reads the first by {@code _id}).
 */
@Component
public class MongoConsentWithdrawals implements ConsentWithdrawals {

    static final String COLLECTION = "consent_withdrawals";

    private final ReactiveMongoTemplate mongo;

    public MongoConsentWithdrawals(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Instant> withdrawnAt(String phoneHash) {
        return mongo.findById(phoneHash, ConsentWithdrawalDocument.class).map(ConsentWithdrawalDocument::withdrawnAt);
    }

    @Override
    public Mono<Instant> recordFirst(String phoneHash, Instant at, String via) {
        return mongo.insert(new ConsentWithdrawalDocument(phoneHash, at, via), COLLECTION)
                .map(ConsentWithdrawalDocument::withdrawnAt)
                .onErrorResume(DuplicateKeyException.class, e -> mongo.findById(
                                phoneHash, ConsentWithdrawalDocument.class, COLLECTION)
                        .map(ConsentWithdrawalDocument::withdrawnAt));
    }
}
