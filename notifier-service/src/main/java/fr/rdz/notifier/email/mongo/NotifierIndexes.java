package fr.rdz.notifier.email.mongo;

import java.time.Duration;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Creates the notifier's indexes explicitly at start and waits for them, before any listener consumes (auto-creation
 * is off). The compare-and-sets of the e-mail path get a unique index on exactly the fields their filter names
 * (unique because {@code _id} is), which the Mongo stand-in — it keeps only unique indexes and scans for any other
 * filter — serves by index; the other indexes serve the operator's and the privacy jobs' queries on MongoDB (the
 * stand-in ignores them and scans: see the README's *Queries*).
 */
@Component
class NotifierIndexes implements InitializingBean {

    static final String CLAIM_CAS = "claim_cas";
    static final String STATUS_CAS = "status_cas";

    private final ReactiveMongoTemplate mongo;

    NotifierIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        Flux.concat(
                        // MongoSentMails.claim: a retry takes the batch where state and attempts are the ones read
                        mongo.indexOps(SentMailDocument.COLLECTION)
                                .ensureIndex(new Index()
                                        .on("_id", Sort.Direction.ASC)
                                        .on("state", Sort.Direction.ASC)
                                        .on("attempts", Sort.Direction.ASC)
                                        .unique()
                                        .named(CLAIM_CAS)),
                        // the open dead letters' gauge (every minute)
                        mongo.indexOps(SentMailDocument.COLLECTION)
                                .ensureIndex(new Index()
                                        .on("state", Sort.Direction.ASC)
                                        .on("entity", Sort.Direction.ASC)),
                        // MongoFailedMails.sent (every e-mail sent) and replayed
                        mongo.indexOps(MongoFailedMails.COLLECTION)
                                .ensureIndex(new Index()
                                        .on("_id", Sort.Direction.ASC)
                                        .on("status", Sort.Direction.ASC)
                                        .unique()
                                        .named(STATUS_CAS)),
                        // GET /admin/failed-mails (newest first), erasure by phone, retention limit
                        mongo.indexOps(MongoFailedMails.COLLECTION)
                                .ensureIndex(new Index().on("dead_lettered_at", Sort.Direction.DESC)),
                        mongo.indexOps(MongoFailedMails.COLLECTION)
                                .ensureIndex(new Index().on("phone_hashes", Sort.Direction.ASC)),
                        mongo.indexOps(MongoFailedMails.COLLECTION)
                                .ensureIndex(new Index().on("first_received_at", Sort.Direction.ASC)),
                        mongo.indexOps(MongoSentCsvs.COLLECTION)
                                .ensureIndex(new Index().on("phone_hashes", Sort.Direction.ASC)),
                        mongo.indexOps(MongoSentCsvs.COLLECTION)
                                .ensureIndex(new Index().on("first_received_at", Sort.Direction.ASC)))
                .then()
                .block(Duration.ofSeconds(30));
    }
}
