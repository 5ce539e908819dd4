package fr.rdz.notifier.email.mongo;

import com.mongodb.client.model.Filters;
import fr.rdz.events.Pii;
import fr.rdz.notifier.email.application.ConsentWithdrawals;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link ConsentWithdrawals} on reactive Mongo: collection {@code consent_withdrawals}, one document per
 * person who withdrew ({@code _id} = {@link Pii#phoneHash}, never the phone; {@code withdrawnAt}),
 * inserted once and read by {@code _id} (a batch's phones, 500 keys per query). Called from Kafka
 * listener threads and waits.
 */
@Repository
class MongoConsentWithdrawals implements ConsentWithdrawals {

    static final String COLLECTION = "consent_withdrawals";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int SLICE = 500;

    private final ReactiveMongoTemplate mongo;

    MongoConsentWithdrawals(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void remember(String phone, Instant withdrawnAt) {
        mongo.insert(
                        new Document("_id", Pii.phoneHash(phone)).append("withdrawnAt", Date.from(withdrawnAt)),
                        COLLECTION)
                .onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
                .block(TIMEOUT);
    }

    @Override
    public Set<String> withdrawnAmong(Collection<String> phones) {
        Map<String, String> byHash = new HashMap<>();
        phones.stream().filter(p -> p != null && !p.isBlank()).forEach(p -> byHash.put(Pii.phoneHash(p), p));
        if (byHash.isEmpty()) {
            return Set.of();
        }
        List<String> hashes = new ArrayList<>(byHash.keySet());
        List<List<String>> slices = new ArrayList<>();
        for (int i = 0; i < hashes.size(); i += SLICE) {
            slices.add(hashes.subList(i, Math.min(hashes.size(), i + SLICE)));
        }
        Set<String> withdrawn = new HashSet<>();
        Flux.fromIterable(slices)
                .concatMap(slice ->
                        mongo.getCollection(COLLECTION).flatMapMany(c -> Flux.from(c.find(Filters.in("_id", slice)))))
                .doOnNext(d -> withdrawn.add(byHash.get(d.getString("_id"))))
                .blockLast(TIMEOUT);
        return withdrawn;
    }
}
