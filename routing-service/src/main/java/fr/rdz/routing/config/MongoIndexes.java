package fr.rdz.routing.config;

import fr.rdz.routing.outbox.PendingOutbox;
import java.time.Duration;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Creates routing's indexes explicitly at start and waits for them (auto-creation is off: the
 * wire server builds auto-created indexes asynchronously), before any listener consumes. Codes
 * and ids are {@code _id}s, unique by nature.
 */
@Component
public class MongoIndexes implements InitializingBean {

    private final ReactiveMongoTemplate mongo;

    public MongoIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        Flux.concat(
                        mongo.indexOps("clients").ensureIndex(new Index().on("entity", Sort.Direction.ASC)),
                        mongo.indexOps("commandes")
                                .ensureIndex(new Index()
                                        .on("entity", Sort.Direction.ASC)
                                        .on("product", Sort.Direction.ASC)),
                        mongo.indexOps("leads").ensureIndex(new Index().on("lead.contact.phone", Sort.Direction.ASC)),
                        mongo.indexOps("leads")
                                .ensureIndex(new Index()
                                        .on("lead.entity", Sort.Direction.ASC)
                                        .on("lead.receivedAt", Sort.Direction.DESC)),
                        mongo.indexOps("delivery_ledger")
                                .ensureIndex(new Index()
                                        .on("phone", Sort.Direction.ASC)
                                        .on("product", Sort.Direction.ASC)),
                        mongo.indexOps("delivery_ledger").ensureIndex(new Index().on("leadId", Sort.Direction.ASC)),
                        // retention limit (ErasingExpiredPersonalData): ranges on one field
                        mongo.indexOps("leads").ensureIndex(new Index().on("lead.receivedAt", Sort.Direction.ASC)),
                        mongo.indexOps("delivery_ledger")
                                .ensureIndex(new Index().on("deliveredAt", Sort.Direction.ASC)),
                        mongo.indexOps("channel_history").ensureIndex(new Index().on("leadId", Sort.Direction.ASC)),
                        mongo.indexOps("figures")
                                .ensureIndex(new Index()
                                        .on("entity", Sort.Direction.ASC)
                                        .on("day", Sort.Direction.ASC)),
                        // issue 17: the history compare-and-set (HistoryOnce) as a unique-key lookup on the stand-in
                        mongo.indexOps("leads")
                                .ensureIndex(new Index()
                                        .on("_id", Sort.Direction.ASC)
                                        .on("historyVersion", Sort.Direction.ASC)
                                        .unique()
                                        .named("history_cas")),
                        mongo.indexOps("lead_facts_pending").ensureIndex(new Index().on("leadId", Sort.Direction.ASC)),
                        // issue 17: the relay drops a marker only if unchanged (PendingOutbox.dropIfUnchanged), a
                        // unique-key lookup on the stand-in; on MongoDB the _id index serves it
                        mongo.indexOps(PendingOutbox.COLLECTION)
                                .ensureIndex(new Index()
                                        .on("_id", Sort.Direction.ASC)
                                        .on("stamp", Sort.Direction.ASC)
                                        .unique()
                                        .named(PendingOutbox.CAS_INDEX)))
                .then()
                .block(Duration.ofSeconds(30));
    }
}
