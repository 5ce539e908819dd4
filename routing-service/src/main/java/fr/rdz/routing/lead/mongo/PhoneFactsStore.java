package fr.rdz.routing.lead.mongo;

import fr.rdz.events.Product;
import fr.rdz.routing.lead.application.KnownPhones;
import fr.rdz.routing.lead.application.PhoneRejections;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads and writes {@link PhoneFacts} by {@code _id} only (routing's hot path: one lookup per routed
 * lead instead of a scan of the delivery ledger and of every routing record). Writes are
 * {@code $addToSet} upserts: a redelivered event writes the same fact once.
 */
@Component
public class PhoneFactsStore implements PhoneRejections, KnownPhones {

    private final ReactiveMongoTemplate mongo;

    public PhoneFactsStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Records a ledger line (nothing when it holds no phone or product: no lead could match it). */
    public Mono<Void> delivered(LedgerEntry line) {
        if (line.phone() == null || line.product() == null) {
            return Mono.empty();
        }
        return addToSet(
                PhoneFacts.key(line.phone(), line.product()),
                "deliveries",
                new PhoneFacts.Delivered(line.id(), line.clientId(), line.deliveredAt()));
    }

    /** Records that {@code clientId} rejected the lead {@code leadId} of this phone and product. */
    @Override
    public Mono<Void> rejected(String phone, Product product, String leadId, String clientId) {
        if (phone == null || product == null) {
            return Mono.empty();
        }
        return addToSet(PhoneFacts.key(phone, product), "rejections", new PhoneFacts.Rejection(leadId, clientId));
    }

    /** The facts of this phone and product (empty facts when none). */
    @Override
    public Mono<PhoneFacts> of(String phone, Product product) {
        return mongo.findById(PhoneFacts.key(phone, product), PhoneFacts.class)
                .defaultIfEmpty(new PhoneFacts(PhoneFacts.key(phone, product), List.of(), List.of()));
    }

    /** Erasure of a person: every fact of the phone goes ({@code _id $in}, one lookup per product). */
    public Mono<Void> erasePhone(String phone) {
        List<String> ids = Arrays.stream(Product.values())
                .map(p -> PhoneFacts.key(phone, p))
                .collect(Collectors.toList());
        return mongo.remove(Query.query(Criteria.where("_id").in(ids)), PhoneFacts.class)
                .then();
    }

    /** The rejections of one lead go (its routing record was erased: it no longer names its person). */
    public Mono<Void> forgetRejections(String phone, Product product, String leadId) {
        if (phone == null || product == null) {
            return Mono.empty();
        }
        return mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(PhoneFacts.key(phone, product))),
                        new Update().pull("rejections", new Document("leadId", leadId)),
                        PhoneFacts.class)
                .then();
    }

    /**
     * Retention limit of the ledger: deliveries before {@code expiredBefore} go, and facts left
     * empty are removed. A scan of this collection, off the hot path (daily job).
     */
    public Mono<Long> expireDeliveries(Instant expiredBefore) {
        return mongo.updateMulti(
                        Query.query(Criteria.where("deliveries.deliveredAt").lt(expiredBefore)),
                        new Update()
                                .pull(
                                        "deliveries",
                                        new Document("deliveredAt", new Document("$lt", Date.from(expiredBefore)))),
                        PhoneFacts.class)
                .flatMap(r -> mongo.remove(
                                Query.query(Criteria.where("deliveries.0")
                                        .exists(false)
                                        .and("rejections.0")
                                        .exists(false)),
                                PhoneFacts.class)
                        .thenReturn(r.getModifiedCount()));
    }

    /** The clients who rejected a lead of this phone and product. */
    public static Set<String> rejectingClients(PhoneFacts facts) {
        return facts.rejectionsOrEmpty().stream()
                .map(PhoneFacts.Rejection::clientId)
                .collect(Collectors.toSet());
    }

    private Mono<Void> addToSet(String id, String field, Object value) {
        Mono<Void> upsert = Mono.defer(() -> mongo.upsert(
                        Query.query(Criteria.where("_id").is(id)),
                        new Update().addToSet(field, value),
                        PhoneFacts.class)
                .then());
        // two first facts of one phone at once: the loser of the insert retries as an update
        return upsert.onErrorResume(DuplicateKeyException.class, e -> upsert);
    }
}
