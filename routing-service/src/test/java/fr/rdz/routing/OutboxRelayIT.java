package fr.rdz.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.rdz.events.CatalogStatus;
import fr.rdz.events.Entity;
import fr.rdz.events.Envelope;
import fr.rdz.events.FormSnapshot;
import fr.rdz.events.Product;
import fr.rdz.routing.catalog.mongo.FormDocument;
import fr.rdz.routing.outbox.OutboxEntry;
import fr.rdz.routing.outbox.PendingOutbox;
import fr.rdz.stack.SendingThreads;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

class OutboxRelayIT extends RoutingIntegrationTest {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    PendingOutbox pending;

    @Test
    void publishesWhatACrashLeftInAnOutboxAndThenForgetsIt() {
        Envelope<FormSnapshot> envelope = leftInAnOutbox("ITE-7001");

        tap().await(FormSnapshot.class, f -> f.code().equals("ITE-7001"));
        assertThat(tap().envelopes()).anyMatch(e -> e.eventId().equals(envelope.eventId()));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById("ITE-7001", FormDocument.class)
                .block()
                .outbox()
                .isEmpty());
    }

    @Test
    void sendsOffTheEventLoopsSinceASendMayBlock() {
        Envelope<FormSnapshot> envelope = leftInAnOutbox("ITE-7002");

        tap().await(FormSnapshot.class, f -> f.code().equals("ITE-7002"));
        assertThat(SendingThreads.to(envelope.topic()))
                .filteredOn(send -> send.key().equals(envelope.key()))
                .isNotEmpty()
                .allSatisfy(send -> assertThat(send.thread())
                        .as("the thread that sent %s", envelope.key())
                        .doesNotMatch(SendingThreads.EVENT_LOOPS));
    }

    /**
     * A form written as a crash right after the write would leave it: marked in {@code pending_outbox}, stored, its
     * outbox never flushed.
     */
    private Envelope<FormSnapshot> leftInAnOutbox(String code) {
        tap();
        FormSnapshot snapshot =
                new FormSnapshot(code, Entity.MDL, Product.ITE, "left behind", null, null, CatalogStatus.ACTIVE, START);
        Envelope<FormSnapshot> envelope = Envelope.of(snapshot, "routing-service", START);
        pending.mark("forms", code).block();
        mongo.insert(new FormDocument(
                        code,
                        Entity.MDL,
                        Product.ITE,
                        "left behind",
                        null,
                        null,
                        CatalogStatus.ACTIVE,
                        START,
                        START,
                        1,
                        List.of(OutboxEntry.of(envelope)),
                        null))
                .block();
        return envelope;
    }
}
