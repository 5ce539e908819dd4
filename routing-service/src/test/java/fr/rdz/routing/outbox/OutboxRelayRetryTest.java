package fr.rdz.routing.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.rdz.events.CatalogStatus;
import fr.rdz.events.Entity;
import fr.rdz.events.Envelope;
import fr.rdz.events.FormSnapshot;
import fr.rdz.events.Product;
import fr.rdz.routing.support.RecordingWireServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * The relay's regular work reads documents by {@code _id} only: a flush that failed is retried by
 * {@code _id}, and the sweep (which reads only {@code pending_outbox} since issue 17, see
 * {@link PendingOutboxSweepTest}) runs at start and then only at its own, rare interval. Before, a
 * failed flush waited for the next sweep, every 10 s.
 */
class OutboxRelayRetryTest {

    private static final Instant AT = Instant.parse("2026-11-20T08:00:00Z");

    private final RecordingWireServer server = new RecordingWireServer("rdz_routing");

    @SuppressWarnings("unchecked")
    private final KafkaTemplate<String, Envelope<?>> kafka = mock(KafkaTemplate.class);

    private OutboxRelay relay;

    @AfterEach
    void stop() {
        if (relay != null) {
            relay.stop();
        }
        server.close();
    }

    @Test
    void aFailedFlushIsRetriedByIdWithoutSweepingAgain() {
        Envelope<FormSnapshot> envelope = Envelope.of(
                new FormSnapshot("ITE-9001", Entity.MDL, Product.ITE, "left", null, null, CatalogStatus.ACTIVE, AT),
                "routing-service",
                AT);
        PendingOutbox pending = new PendingOutbox(server.mongo(), Clock.fixed(AT, ZoneOffset.UTC));
        server.mongo()
                .insert(new Document("_id", OutboxRelay.MIGRATION), "migrations")
                .block();
        pending.mark("forms", "ITE-9001").block();
        server.mongo()
                .insert(
                        new Document("_id", "ITE-9001").append("outbox", List.of(toDocument(OutboxEntry.of(envelope)))),
                        "forms")
                .block();
        // the broker refuses the first send, then takes the next one
        when(kafka.send(anyString(), anyString(), any()))
                .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("broker away")))
                .thenReturn(CompletableFuture.completedFuture((SendResult<String, Envelope<?>>) null));
        server.forget();

        relay = new OutboxRelay(
                server.mongo(),
                pending,
                kafka,
                Clock.fixed(AT, ZoneOffset.UTC),
                Duration.ofMillis(200),
                Duration.ofHours(1),
                Duration.ofMinutes(1));
        relay.start();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(server.mongo()
                        .findById("ITE-9001", Document.class, "forms")
                        .block()
                        .getList("outbox", Document.class))
                .isEmpty());
        verify(kafka, times(2)).send(anyString(), anyString(), any());
        // the sweep at start read pending_outbox once; the retry read the form (and its marker) by _id only
        assertThat(server.reads()).filteredOn(OutboxRelayRetryTest::sweeps).hasSize(1);
        assertThat(server.reads())
                .filteredOn(read -> !sweeps(read))
                .isNotEmpty()
                .allSatisfy(
                        read -> assertThat(read.getDocument("filter").keySet()).containsExactly("_id"));
    }

    private static boolean sweeps(BsonDocument read) {
        return !read.containsKey("filter") || read.getDocument("filter").isEmpty();
    }

    /** The entry as routing's documents store it. */
    private static Document toDocument(OutboxEntry entry) {
        return new Document("eventId", entry.eventId())
                .append("topic", entry.topic())
                .append("key", entry.key())
                .append("envelope", entry.envelope());
    }
}
