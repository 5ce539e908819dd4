package fr.rdz.delivery.mongo;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import fr.rdz.events.OutcomeChannel;
import fr.rdz.kit.mongo.MongoIndexes;
import java.util.Locale;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The collections of rdz_delivery and their indexes, created by the kit's start-up step
 * ({@code CreatingMongoIndexes}, awaited) before any listener or run starts: the wire server builds auto-created
 * indexes asynchronously.
 */
@Component
public class MongoCollections implements MongoIndexes {

    public static final String POOL = "pool_leads";
    public static final String COMMANDES = "commandes";
    public static final String CLIENTS = "clients";
    public static final String ERASED_PHONES = "erased_phones";
    public static final String RUNS = "runs";
    /** Runs made with nothing to plan ({@code _id} = run id): not missed, so not caught up at start. */
    public static final String NOTHING_TO_PLAN = "nothing_to_plan";

    public static final String BATCHES = "batches";
    /** The outbox of big batches: one document per DeliveryPlanned part, {@code _id = <batch_id>#<part>}. */
    public static final String BATCH_PARTS = "batch_parts";

    public static final String LEDGER = "ledger";

    private final ReactiveMongoTemplate mongo;

    public MongoCollections(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Void> createIndexes() {
        return Flux.concat(
                        index(POOL, Indexes.ascending("entity", "product", "received_at"), false),
                        index(POOL, Indexes.ascending("phone"), false),
                        // the retention job's range
                        index(POOL, Indexes.ascending("received_at"), false),
                        index(LEDGER, Indexes.ascending("delivered_at"), false),
                        index(LEDGER, Indexes.ascending("run_id"), false),
                        index(LEDGER, Indexes.ascending("phone"), false),
                        index(BATCHES, Indexes.ascending("run_id", "published"), false),
                        index(RUNS, Indexes.ascending("date"), false),
                        index(RUNS, Indexes.ascending("state"), false),
                        // issue 17, on MongoDB (the stand-in ignores them and scans): the pool and outbox gauges, and
                        // the redo of a half-done run
                        index(POOL, Indexes.ascending("distributable", "entity"), false),
                        index(POOL, Indexes.ascending("deliveries.run_id"), false),
                        index(BATCHES, Indexes.ascending("published"), false),
                        Flux.fromArray(OutcomeChannel.values()).concatMap(this::outcomeCompareAndSetIndex))
                .then();
    }

    /**
     * The outcome compare-and-set filters on exactly {@code _id} and {@code channels.<channel>.event_id}: a unique
     * index of those fields lets the wire server (unique indexes only) serve it by index instead of a ledger scan.
     */
    private Mono<String> outcomeCompareAndSetIndex(OutcomeChannel channel) {
        String key = channel.name().toLowerCase(Locale.ROOT);
        return mongo.getCollection(LEDGER)
                .flatMap(c -> Mono.from(c.createIndex(
                        Indexes.ascending("_id", "channels." + key + ".event_id"),
                        new IndexOptions().unique(true).name("outcome_cas_" + key))));
    }

    private Mono<String> index(String collection, org.bson.conversions.Bson keys, boolean unique) {
        return mongo.getCollection(collection)
                .flatMap(c -> Mono.from(c.createIndex(keys, new IndexOptions().unique(unique))));
    }

    public Mono<com.mongodb.reactivestreams.client.MongoCollection<Document>> get(String name) {
        return mongo.getCollection(name);
    }
}
