package fr.rdz.routing.consent.mongo;

import fr.rdz.routing.consent.application.ConsentWithdrawals;
import java.time.Instant;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@link ConsentWithdrawals} in {@code consent_withdrawals} ({@link ConsentWithdrawalDocument}): one read by {@code _id}. */
@Component
public class MongoConsentWithdrawals implements ConsentWithdrawals {

    private final ReactiveMongoTemplate mongo;

    public MongoConsentWithdrawals(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Instant> withdrawnAt(String phoneHash) {
        return mongo.findById(phoneHash, ConsentWithdrawalDocument.class).map(ConsentWithdrawalDocument::withdrawnAt);
    }
}
