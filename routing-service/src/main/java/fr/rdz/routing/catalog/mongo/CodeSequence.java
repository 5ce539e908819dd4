package fr.rdz.routing.catalog.mongo;

import fr.rdz.routing.catalog.application.CodeNumbers;
import java.time.Duration;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * One atomic counter per code prefix ({@code LP}, {@code PV}, {@code PAC}, {@code ITE}) in
 * {@code code_counters}: {@code findAndModify $inc} hands every caller its own number, even under
 * concurrent creation; codes given by hand raise the counter past them ({@code $max}).
 */
@Component
public class CodeSequence implements CodeNumbers {

    private static final String COLLECTION = "code_counters";

    private final ReactiveMongoTemplate mongo;

    public CodeSequence(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Long> next(String prefix) {
        return mongo.findAndModify(
                        Query.query(Criteria.where("_id").is(prefix)),
                        new Update().inc("seq", 1L),
                        FindAndModifyOptions.options().upsert(true).returnNew(true),
                        Document.class,
                        COLLECTION)
                .map(doc -> ((Number) doc.get("seq")).longValue())
                // two first-ever upserts of one prefix may race on the insert: the loser simply retries
                .retryWhen(Retry.backoff(5, Duration.ofMillis(5)).filter(DuplicateKeyException.class::isInstance));
    }

    @Override
    public Mono<Void> raiseTo(String prefix, long number) {
        return mongo.upsert(Query.query(Criteria.where("_id").is(prefix)), new Update().max("seq", number), COLLECTION)
                .retryWhen(Retry.backoff(5, Duration.ofMillis(5)).filter(DuplicateKeyException.class::isInstance))
                .then();
    }
}
