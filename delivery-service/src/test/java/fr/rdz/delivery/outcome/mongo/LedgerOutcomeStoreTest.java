package fr.rdz.delivery.outcome.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.rdz.delivery.mongo.MongoCollections;
import fr.rdz.delivery.outcome.application.LedgerOutcomes;
import fr.rdz.delivery.outcome.domain.ChannelOutcome;
import fr.rdz.delivery.outcome.domain.ChannelState;
import fr.rdz.events.OutcomeChannel;
import fr.rdz.events.OutcomeStatus;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * The outcome compare-and-set against the Mongo wire server the stack runs (only unique indexes:
 * a filter whose fields are not exactly those of a unique index scans the collection): with
 * thousands of ledger lines stored, the compare-and-set sends exactly the fields of its unique index
 * ({@code _id}, {@code channels.<channel>.event_id}), and still replaces an outcome only while the
 * expected one stands.
 */
class LedgerOutcomeStoreTest {

    private static final Instant AT = Instant.parse("2030-01-08T08:31:00Z");

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final List<BsonDocument> commands = new CopyOnWriteArrayList<>();
    private MongoClient client;
    private ReactiveMongoTemplate mongo;
    private LedgerOutcomeStore store;

    @BeforeEach
    void setUp() {
        var address = server.bind();
        CommandListener recorder = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                commands.add(event.getCommand().clone());
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(
                        new ConnectionString("mongodb://" + address.getHostString() + ":" + address.getPort()))
                .addCommandListener(recorder)
                .build());
        mongo = new ReactiveMongoTemplate(client, "rdz_delivery_outcome_test");
        MongoCollections collections = new MongoCollections(mongo);
        collections.createIndexes().block();
        store = new LedgerOutcomeStore(collections);
        List<Document> lines = IntStream.range(0, 2_000)
                .mapToObj(i -> new Document("_id", LedgerOutcomes.lineId("run-1", "lead-" + i))
                        .append("lead_id", "lead-" + i)
                        .append("run_id", "run-1")
                        .append("batch_id", "batch-1"))
                .toList();
        mongo.getCollection(MongoCollections.LEDGER)
                .flatMap(c -> Mono.from(c.insertMany(lines)))
                .block();
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void theCompareAndSetIsAUniqueKeyLookupAndReplacesOnlyTheStandingOutcome() {
        String line = LedgerOutcomes.lineId("run-1", "lead-7");
        store.replace(line, OutcomeChannel.EMAIL, null, outcome("e1", ChannelState.RETRYING), AT)
                .block();
        commands.clear();

        boolean stale = store.replace(line, OutcomeChannel.EMAIL, null, outcome("e2", ChannelState.SENT), AT)
                .block();
        boolean current = store.replace(line, OutcomeChannel.EMAIL, "e1", outcome("e3", ChannelState.SENT), AT)
                .block();
        boolean otherChannel = store.replace(line, OutcomeChannel.API, null, outcome("a1", ChannelState.SENT), AT)
                .block();

        assertThat(stale).isFalse();
        assertThat(current).isTrue();
        assertThat(otherChannel).isTrue();
        assertThat(store.find(line, OutcomeChannel.EMAIL).block().current().eventId())
                .isEqualTo("e3");
        assertThat(store.find(line, OutcomeChannel.API).block().current().eventId())
                .isEqualTo("a1");
        assertThat(store.find(LedgerOutcomes.lineId("run-1", "lead-8"), OutcomeChannel.EMAIL)
                        .block()
                        .current())
                .isNull();
        List<BsonDocument> filters = commands.stream()
                .filter(c -> c.containsKey("update"))
                .flatMap(c -> c.getArray("updates").stream())
                .map(BsonValue::asDocument)
                .map(u -> u.getDocument("q"))
                .toList();
        assertThat(filters).hasSize(3).allSatisfy(f -> assertThat(f.keySet())
                .containsExactlyInAnyOrder(
                        "_id", "channels." + (f.toJson().contains("channels.api") ? "api" : "email") + ".event_id"));
        List<String> indexes = mongo.getCollection(MongoCollections.LEDGER)
                .flatMapMany(c -> c.listIndexes())
                .filter(i -> Boolean.TRUE.equals(i.getBoolean("unique")))
                .map(i -> i.getString("name"))
                .collectList()
                .block();
        assertThat(indexes).contains("outcome_cas_email", "outcome_cas_api");
    }

    private static ChannelOutcome outcome(String eventId, ChannelState state) {
        return new ChannelOutcome(state, OutcomeStatus.SENT, null, AT, 1, eventId);
    }
}
