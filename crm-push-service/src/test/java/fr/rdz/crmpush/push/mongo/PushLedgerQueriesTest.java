package fr.rdz.crmpush.push.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.rdz.crmpush.push.application.Claim;
import fr.rdz.crmpush.push.application.LedgerEntry;
import fr.rdz.crmpush.push.application.PendingOutcome;
import fr.rdz.crmpush.push.domain.PushStatus;
import fr.rdz.crmpush.push.domain.PushTask;
import fr.rdz.events.DeliveryOutcome;
import fr.rdz.events.EventSamples;
import fr.rdz.events.LeadData;
import fr.rdz.events.OutcomeChannel;
import fr.rdz.events.OutcomeStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * Issue 17: the push path's writes on {@code push_attempts} (one document per lead ever pushed) are {@code _id}
 * lookups or compare-and-sets whose filter names exactly the fields of a unique index, which the Mongo stand-in (only
 * unique indexes; any other filter scans the collection) serves by index. Until issue 17 the claim filtered on
 * {@code _id}, the status ({@code $nin}) and the lease's end ({@code $or}): a scan of every push, per lead.
 */
class PushLedgerQueriesTest {

    private static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final List<BsonDocument> commands = new CopyOnWriteArrayList<>();
    private MongoClient client;
    private ReactiveMongoTemplate mongo;
    private MongoPushLedger ledger;

    @BeforeEach
    void start() {
        var address = server.bind();
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(
                        new ConnectionString("mongodb://" + address.getHostString() + ":" + address.getPort()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        commands.add(event.getCommand().clone());
                    }
                })
                .build());
        mongo = new ReactiveMongoTemplate(client, "rdz_crm_push");
        ledger = new MongoPushLedger(mongo);
        ledger.createIndexes().block();
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void thePushPathFiltersOnlyOnUniqueKeys() {
        // pushes of earlier batches, already stored
        IntStream.range(0, 200).forEach(i -> ledger.open(task("old-" + i), NOW).block());
        PushTask task = task("b-1");
        commands.clear();

        ledger.open(task, NOW).block();
        Claim claim = ledger.claim(task.pushId(), NOW, Duration.ofMinutes(1)).block();
        PendingOutcome pending = outcome(task);
        boolean written = ledger.record(
                        task.pushId(), claim, PushStatus.SUCCESS, 1, null, pending, null, NOW.plusSeconds(1))
                .block();
        ledger.outcomePublished(task.pushId(), pending).block();
        LedgerEntry entry = ledger.find(task.pushId()).block();

        assertThat(claim).isNotNull();
        assertThat(written).isTrue();
        assertThat(entry.status()).isEqualTo(PushStatus.SUCCESS);
        assertThat(entry.pendingOutcome()).isNull();
        Set<Set<String>> uniqueKeys = uniqueIndexKeys();
        List<Set<String>> filters = filtersOnLedger();
        assertThat(filters).hasSizeGreaterThanOrEqualTo(5).allSatisfy(keys -> assertThat(uniqueKeys)
                .as("unique indexes of push_attempts")
                .contains(keys));
    }

    @Test
    void aClaimTakesAFreeLeaseOnceAndNeverAFinalPush() {
        PushTask task = task("b-2");
        ledger.open(task, NOW).block();

        Claim first = ledger.claim(task.pushId(), NOW, Duration.ofMinutes(1)).block();
        Claim whileHeld = ledger.claim(task.pushId(), NOW.plusSeconds(30), Duration.ofMinutes(1))
                .block();
        Claim afterExpiry = ledger.claim(task.pushId(), NOW.plusSeconds(61), Duration.ofMinutes(1))
                .block();
        boolean staleRecord = ledger.record(
                        task.pushId(), first, PushStatus.SUCCESS, 1, null, null, null, NOW.plusSeconds(62))
                .block();
        boolean record = ledger.record(
                        task.pushId(), afterExpiry, PushStatus.SUCCESS, 1, null, null, null, NOW.plusSeconds(62))
                .block();
        Claim afterFinal = ledger.claim(task.pushId(), NOW.plusSeconds(200), Duration.ofMinutes(1))
                .block();
        LedgerEntry dead = ledger.deadLettered(task.pushId(), outcome(task), NOW.plusSeconds(201))
                .block();

        assertThat(first).isNotNull();
        assertThat(whileHeld).isNull();
        assertThat(afterExpiry).isNotNull();
        assertThat(afterExpiry.token()).isNotEqualTo(first.token());
        assertThat(staleRecord).isFalse();
        assertThat(record).isTrue();
        assertThat(afterFinal).isNull();
        assertThat(dead).isNull();
        assertThat(ledger.find(task.pushId()).block().status()).isEqualTo(PushStatus.SUCCESS);
    }

    @Test
    void aPushNotFinalIsDeadLetteredEvenWhileLeased() {
        PushTask task = task("b-3");
        ledger.open(task, NOW).block();
        ledger.claim(task.pushId(), NOW, Duration.ofMinutes(1)).block();

        LedgerEntry dead = ledger.deadLettered(task.pushId(), outcome(task), NOW.plusSeconds(1))
                .block();

        assertThat(dead.status()).isEqualTo(PushStatus.DEAD_LETTERED);
        assertThat(dead.pendingOutcome()).isNotNull();
        // a replay claims it again
        assertThat(ledger.claim(task.pushId(), NOW.plusSeconds(2), Duration.ofMinutes(1))
                        .block()
                        .statusBefore())
                .isEqualTo(PushStatus.DEAD_LETTERED);
    }

    private Set<Set<String>> uniqueIndexKeys() {
        return mongo.getCollection(MongoPushLedger.COLLECTION)
                .flatMapMany(c -> c.listIndexes())
                .filter(i -> i.get("name").equals("_id_") || Boolean.TRUE.equals(i.get("unique")))
                .map(i -> Set.copyOf(((Document) i.get("key")).keySet()))
                .collect(Collectors.toSet())
                .block();
    }

    /** The filter of every read and write sent on push_attempts since the last clear. */
    private List<Set<String>> filtersOnLedger() {
        List<Set<String>> filters = new ArrayList<>();
        for (BsonDocument c : commands) {
            if (c.containsKey("find") && isLedger(c, "find")) {
                filters.add(lookupKeys(c.getDocument("filter")));
            } else if (c.containsKey("findAndModify") && isLedger(c, "findAndModify")) {
                filters.add(lookupKeys(c.getDocument("query")));
            } else if (c.containsKey("update") && isLedger(c, "update")) {
                c.getArray("updates")
                        .forEach(
                                u -> filters.add(u.asDocument().getDocument("q").keySet()));
            }
        }
        return filters;
    }

    private static boolean isLedger(BsonDocument command, String name) {
        // a findAndModify command holds its update document under "update": only a collection name counts
        return command.get(name).isString()
                && command.getString(name).getValue().equals(MongoPushLedger.COLLECTION);
    }

    private static PushTask task(String batchId) {
        LeadData lead = EventSamples.aLead();
        return new PushTask(
                batchId,
                "run-ZR7-2026-11-20",
                LocalDate.parse("2026-11-20"),
                lead.entity(),
                lead.product(),
                "cmd-1",
                "client-1",
                "Client 1",
                "http://crm.invalid/lead",
                "key",
                lead);
    }

    private static PendingOutcome outcome(PushTask task) {
        return new PendingOutcome(
                UUID.randomUUID(),
                new DeliveryOutcome(
                        task.batchId(),
                        task.runId(),
                        task.entity(),
                        task.clientId(),
                        OutcomeChannel.API,
                        List.of(task.leadId()),
                        OutcomeStatus.SUCCESS,
                        null,
                        1,
                        NOW));
    }

    /**
     * The fields of a filter the stand-in can serve from a unique index: plain values only (an operator such as
     * {@code $ne} or {@code $nin} on a field makes it a scan, whatever its fields); else a marker no index has.
     */
    private static Set<String> lookupKeys(BsonDocument filter) {
        boolean plain = filter.entrySet().stream()
                .allMatch(e -> !e.getValue().isDocument()
                        || (filter.size() == 1 && e.getKey().equals("_id")));
        return plain ? filter.keySet() : Set.of("<operator in " + filter.toJson() + ">");
    }
}
