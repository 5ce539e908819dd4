package fr.rdz.routing.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.rdz.events.CatalogStatus;
import fr.rdz.events.Entity;
import fr.rdz.events.Envelope;
import fr.rdz.events.FormSnapshot;
import fr.rdz.events.Product;
import fr.rdz.routing.MutableClock;
import fr.rdz.routing.catalog.mongo.CatalogStore;
import fr.rdz.routing.config.MongoIndexes;
import fr.rdz.routing.support.RecordingWireServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Issue 17: the relay's sweeps, at start and every {@code sweep-interval}, read only {@code pending_outbox} (the
 * documents written lately or still to publish) and the documents it names, by {@code _id}: never a scan of the
 * six collections, which grow with the data (on the Mongo stand-in, which keeps only unique indexes, any other
 * filter reads every document). Until issue 17 each sweep read {@code outbox.0 exists} on every collection. A
 * database of the previous version (events, no markers) is drained by one scan at its first start, recorded in
 * {@code migrations}. And the orderings a crash can cut: a document is marked before its events are written, and a
 * marker is dropped only once its grace has passed and nobody marked the document again.
 */
class PendingOutboxSweepTest {

    private static final Instant AT = Instant.parse("2026-11-20T08:00:00Z");

    private final RecordingWireServer server = new RecordingWireServer("rdz_routing");
    private final MutableClock clock = new MutableClock(AT);
    private final PendingOutbox pending = new PendingOutbox(server.mongo(), clock);

    @SuppressWarnings("unchecked")
    private final KafkaTemplate<String, Envelope<?>> kafka = mock(KafkaTemplate.class);

    private OutboxRelay relay;

    @BeforeEach
    void indexes() {
        new MongoIndexes(server.mongo()).afterPropertiesSet();
        when(kafka.send(anyString(), anyString(), any()))
                .thenReturn(CompletableFuture.completedFuture((SendResult<String, Envelope<?>>) null));
    }

    @AfterEach
    void stop() {
        if (relay != null) {
            relay.stop();
        }
        server.close();
    }

    @Test
    void theStartAndPeriodicSweepsReadOnlyThePendingCollection() {
        migrated();
        // a store of published leads, and forms without events: what grows with the data
        server.mongo()
                .insert(
                        IntStream.range(0, 500)
                                .mapToObj(i -> new Document("_id", "lead-" + i).append("outbox", List.of()))
                                .toList(),
                        "leads")
                .blockLast();
        server.mongo()
                .insert(new Document("_id", "PV-0001").append("outbox", List.of()), "forms")
                .block();
        Envelope<FormSnapshot> envelope = snapshot("ITE-0001");
        written("forms", "ITE-0001", envelope);
        server.forget();

        relay = relay(Duration.ofMillis(200), Duration.ZERO);
        relay.start();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(outbox("forms", "ITE-0001")).isEmpty();
            assertThat(pendingIds()).isEmpty();
            // the start sweep and at least three periodic ones
            assertThat(server.reads())
                    .filteredOn(PendingOutboxSweepTest::sweepsPending)
                    .hasSizeGreaterThanOrEqualTo(4);
        });
        verify(kafka).send(eq(envelope.topic()), eq(envelope.key()), any());
        // every read of the six collections is by _id: the form the marker named, nothing of the leads
        assertThat(server.reads())
                .filteredOn(read -> OutboxRelay.COLLECTIONS.contains(collection(read)))
                .isNotEmpty()
                .allSatisfy(
                        read -> assertThat(read.getDocument("filter").keySet()).containsExactly("_id"));
        assertThat(server.reads())
                .filteredOn(read -> collection(read).equals("leads"))
                .isEmpty();
    }

    @Test
    void aDatabaseOfThePreviousVersionIsDrainedByOneScanRecordedAsDone() {
        // written by the version without markers: events in the documents, no pending_outbox, no migration
        Envelope<FormSnapshot> form = snapshot("ITE-0002");
        Envelope<FormSnapshot> lead = snapshot("ITE-0003");
        server.mongo()
                .insert(new Document("_id", "ITE-0002").append("outbox", List.of(entry(form))), "forms")
                .block();
        server.mongo()
                .insert(new Document("_id", "lead-old").append("outbox", List.of(entry(lead))), "leads")
                .block();

        relay = relay(Duration.ofHours(1), Duration.ZERO);
        relay.start();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(outbox("forms", "ITE-0002")).isEmpty();
            assertThat(outbox("leads", "lead-old")).isEmpty();
            assertThat(server.mongo()
                            .findById(OutboxRelay.MIGRATION, Document.class, "migrations")
                            .block())
                    .isNotNull();
            assertThat(pendingIds()).isEmpty();
        });
        verify(kafka).send(eq(form.topic()), eq(form.key()), any());
        verify(kafka).send(eq(lead.topic()), eq(lead.key()), any());

        // the next start does not scan again
        relay.stop();
        server.forget();
        relay = relay(Duration.ofHours(1), Duration.ZERO);
        relay.start();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(server.reads())
                .filteredOn(PendingOutboxSweepTest::sweepsPending)
                .isNotEmpty());
        assertThat(server.reads())
                .filteredOn(read -> OutboxRelay.COLLECTIONS.contains(collection(read)))
                .isEmpty();
    }

    @Test
    void aWriteMarkedBeforeAFlushReadItsDocumentIsPublishedAfterACrash() {
        migrated();
        Envelope<FormSnapshot> envelope = snapshot("ITE-0004");
        // the writer marked the lead; the relay (its start sweep) flushes it before the lead's write lands
        pending.mark("leads", "lead-late").block();
        relay = relay(Duration.ofHours(1), Duration.ofMinutes(1));
        relay.start();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(server.reads())
                .filteredOn(read -> collection(read).equals("leads"))
                .isNotEmpty());
        // the write lands; the process dies before the writer's own flush
        server.mongo()
                .insert(new Document("_id", "lead-late").append("outbox", List.of(entry(envelope))), "leads")
                .block();
        relay.stop();
        verify(kafka, never()).send(anyString(), anyString(), any());
        assertThat(pendingIds()).containsExactly("leads|lead-late");

        // after the restart the sweep finds the marker and publishes the events
        relay = relay(Duration.ofHours(1), Duration.ofMinutes(1));
        relay.start();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(outbox("leads", "lead-late")).isEmpty());
        verify(kafka).send(eq(envelope.topic()), eq(envelope.key()), any());
        // kept while a write marked less than a grace ago may still land; dropped once the grace has passed
        assertThat(pendingIds()).containsExactly("leads|lead-late");
        clock.advance(Duration.ofMinutes(1));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(pendingIds()).isEmpty());
    }

    @Test
    void aMarkerWithoutEventsIsDroppedOnceItsGraceHasPassed() {
        migrated();
        // a write marked, then failed or never sent: no document
        pending.mark("commandes", "cmd-never").block();
        clock.advance(Duration.ofMinutes(2));

        relay = relay(Duration.ofHours(1), Duration.ofMinutes(1));
        relay.start();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(pendingIds()).isEmpty());
        verify(kafka, never()).send(anyString(), anyString(), any());
    }

    @Test
    void aMarkerMarkedAgainSinceItWasReadIsKept() {
        pending.mark("leads", "lead-1").block();
        PendingOutbox.Marker read = pending.find("leads", "lead-1").block();
        pending.mark("leads", "lead-1").block();

        assertThat(pending.dropIfUnchanged(read).block()).isFalse();
        assertThat(pendingIds()).containsExactly("leads|lead-1");
        assertThat(pending.dropIfUnchanged(pending.find("leads", "lead-1").block())
                        .block())
                .isTrue();
        // the compare-and-delete is a unique-key lookup on the stand-in
        assertThat(server.commands()).filteredOn(c -> c.containsKey("delete")).allSatisfy(c -> assertThat(
                        c.getArray("deletes")
                                .get(0)
                                .asDocument()
                                .getDocument("q")
                                .keySet())
                .containsExactly("_id", "stamp"));
    }

    @Test
    void aCatalogWriteMarksItsDocumentBeforeWritingIt() {
        Envelope<FormSnapshot> envelope = snapshot("ITE-0005");
        new CatalogStore(server.mongo(), mock(OutboxRelay.class), pending)
                .insert(
                        new Document("_id", "ITE-0005").append("outbox", List.of(entry(envelope))),
                        "forms",
                        "ITE-0005",
                        "Form")
                .block();

        List<String> writes = server.commands().stream()
                .filter(c -> c.containsKey("update") || c.containsKey("insert"))
                .map(c -> c.containsKey("update")
                        ? "update " + c.getString("update").getValue()
                        : "insert " + c.getString("insert").getValue())
                .toList();
        assertThat(writes).containsExactly("update pending_outbox", "insert forms");
        assertThat(pendingIds()).containsExactly("forms|ITE-0005");
    }

    private OutboxRelay relay(Duration sweepInterval, Duration grace) {
        return new OutboxRelay(server.mongo(), pending, kafka, clock, Duration.ofMillis(100), sweepInterval, grace);
    }

    private void migrated() {
        server.mongo()
                .insert(new Document("_id", OutboxRelay.MIGRATION), "migrations")
                .block();
    }

    /** What a writer leaves: the marker first, then the document with its events. */
    private void written(String collection, String id, Envelope<?> envelope) {
        pending.mark(collection, id).block();
        server.mongo()
                .insert(new Document("_id", id).append("outbox", List.of(entry(envelope))), collection)
                .block();
    }

    private List<Document> outbox(String collection, String id) {
        return server.mongo().findById(id, Document.class, collection).block().getList("outbox", Document.class);
    }

    private List<String> pendingIds() {
        return server.mongo()
                .findAll(Document.class, PendingOutbox.COLLECTION)
                .map(d -> d.getString("_id"))
                .collectList()
                .block();
    }

    private static boolean sweepsPending(BsonDocument read) {
        return collection(read).equals(PendingOutbox.COLLECTION)
                && (!read.containsKey("filter") || read.getDocument("filter").isEmpty());
    }

    private static String collection(BsonDocument read) {
        return read.getString("find").getValue();
    }

    private static Envelope<FormSnapshot> snapshot(String code) {
        return Envelope.of(
                new FormSnapshot(code, Entity.MDL, Product.ITE, "form", null, null, CatalogStatus.ACTIVE, AT),
                "routing-service",
                AT);
    }

    /** The entry as routing's documents store it. */
    private static Document entry(Envelope<?> envelope) {
        OutboxEntry entry = OutboxEntry.of(envelope);
        return new Document("eventId", entry.eventId())
                .append("topic", entry.topic())
                .append("key", entry.key())
                .append("envelope", entry.envelope());
    }
}
