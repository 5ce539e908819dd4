package fr.rdz.notifier.email.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.DeliveryPlanned;
import fr.rdz.events.Entity;
import fr.rdz.notifier.email.Batches;
import fr.rdz.notifier.email.application.FailedMails;
import fr.rdz.notifier.email.domain.SentMail;
import fr.rdz.notifier.email.domain.SentMailState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * Issue 17: the e-mail path's queries on {@code sent_mails} and {@code failed_mails} (both grow with the batches)
 * are {@code _id} lookups or compare-and-sets on exactly the fields of a unique index, which the Mongo stand-in (only
 * unique indexes; any other filter scans the collection) serves by index. Until issue 17 every e-mail sent updated
 * {@code failed_mails} by {@code _id} and {@code status $ne}, and a retry's claim had no index on its fields.
 */
class EmailPathQueriesTest {

    private static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final List<BsonDocument> commands = new CopyOnWriteArrayList<>();
    private MongoClient client;
    private ReactiveMongoTemplate mongo;
    private MongoSentMails sentMails;
    private MongoFailedMails failedMails;

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
        mongo = new ReactiveMongoTemplate(client, "rdz_notifier");
        new NotifierIndexes(mongo).afterPropertiesSet();
        sentMails = new MongoSentMails(mongo);
        failedMails = new MongoFailedMails(mongo);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aRetryAndASentEMailFilterOnlyOnUniqueKeys() {
        DeliveryPlanned dead = batch("b-dead");
        sentMails.claim(dead, null, "m-0", NOW, NOW.plusSeconds(60));
        sentMails.markDeadLettered(dead, "smtp down", NOW, UUID.randomUUID());
        failedMails.deadLettered(dead, "smtp down", 1, NOW);
        DeliveryPlanned batch = batch("b-1");
        commands.clear();

        // first attempt, failed; the retry takes it where state and attempts are still the ones read
        sentMails.claim(batch, null, "m-1", NOW, NOW.plusSeconds(60));
        sentMails.markFailed(batch.batchId(), "smtp down", NOW);
        SentMail seen = sentMails.find(batch.batchId());
        int attempts = sentMails.claim(batch, seen, "m-2", NOW.plusSeconds(61), NOW.plusSeconds(120));
        sentMails.markSent(batch.batchId(), NOW.plusSeconds(62), UUID.randomUUID());
        failedMails.sent(batch.batchId(), NOW.plusSeconds(62));
        // the dead-lettered batch, sent by a copy of its record: its failed mail becomes sent
        failedMails.sent(dead.batchId(), NOW.plusSeconds(63));

        assertThat(attempts).isEqualTo(2);
        assertThat(sentMails.find(batch.batchId()).state()).isEqualTo(SentMailState.SENT);
        assertThat(failedMails.find(dead.batchId()).block().status()).isEqualTo(FailedMails.SENT);
        assertThat(filters(SentMailDocument.COLLECTION))
                .hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(keys ->
                        assertThat(uniqueIndexKeys(SentMailDocument.COLLECTION)).contains(keys));
        assertThat(filters(MongoFailedMails.COLLECTION))
                .hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(keys ->
                        assertThat(uniqueIndexKeys(MongoFailedMails.COLLECTION)).contains(keys));
    }

    @Test
    void aFailedMailSentAgainKeepsItsFirstSendingTime() {
        DeliveryPlanned dead = batch("b-twice");
        failedMails.deadLettered(dead, "smtp down", 1, NOW);

        failedMails.sent(dead.batchId(), NOW.plusSeconds(10));
        failedMails.sent(dead.batchId(), NOW.plusSeconds(20));

        assertThat(failedMails.find(dead.batchId()).block().sentAt()).isEqualTo(NOW.plusSeconds(10));
    }

    private static DeliveryPlanned batch(String id) {
        return Batches.batch(
                id,
                Entity.ZR7,
                Batches.client("client-1", "Client 1", DeliveryChannel.EMAIL, "achat@client.example"),
                Batches.threeLeads(Entity.ZR7));
    }

    private Set<Set<String>> uniqueIndexKeys(String collection) {
        return mongo.getCollection(collection)
                .flatMapMany(c -> c.listIndexes())
                .filter(i -> i.get("name").equals("_id_") || Boolean.TRUE.equals(i.get("unique")))
                .map(i -> Set.copyOf(((Document) i.get("key")).keySet()))
                .collect(Collectors.toSet())
                .block();
    }

    /** The filter of every read and write sent on {@code collection} since the last clear. */
    private List<Set<String>> filters(String collection) {
        List<Set<String>> filters = new ArrayList<>();
        for (BsonDocument c : commands) {
            if (on(c, "find", collection)) {
                filters.add(lookupKeys(c.getDocument("filter")));
            } else if (on(c, "findAndModify", collection)) {
                filters.add(lookupKeys(c.getDocument("query")));
            } else if (on(c, "update", collection)) {
                c.getArray("updates")
                        .forEach(
                                u -> filters.add(u.asDocument().getDocument("q").keySet()));
            }
        }
        return filters;
    }

    private static boolean on(BsonDocument command, String name, String collection) {
        // a findAndModify command holds its update document under "update": only a collection name counts
        return command.containsKey(name)
                && command.get(name).isString()
                && command.getString(name).getValue().equals(collection);
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
