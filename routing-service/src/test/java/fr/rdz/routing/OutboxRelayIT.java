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
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

class OutboxRelayIT extends RoutingIntegrationTest {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void publishesWhatACrashLeftInAnOutboxAndThenForgetsIt() {
        tap();
        FormSnapshot snapshot = new FormSnapshot(
                "ITE-7001", Entity.MDL, Product.ITE, "left behind", null, null, CatalogStatus.ACTIVE, START);
        Envelope<FormSnapshot> envelope = Envelope.of(snapshot, "routing-service", START);
        // written as a crash right after the write would leave it: stored, never flushed
        mongo.insert(new FormDocument(
                        "ITE-7001",
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

        tap().await(FormSnapshot.class, f -> f.code().equals("ITE-7001"));
        assertThat(tap().envelopes()).anyMatch(e -> e.eventId().equals(envelope.eventId()));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById("ITE-7001", FormDocument.class)
                .block()
                .outbox()
                .isEmpty());
    }
}
