package fr.rdz.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.rdz.events.CatalogStatus;
import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.DeliveryDay;
import fr.rdz.events.Entity;
import fr.rdz.events.Envelope;
import fr.rdz.events.EventCodec;
import fr.rdz.events.Product;
import fr.rdz.events.RdzEvent;
import fr.rdz.routing.catalog.mongo.ClientDocument;
import fr.rdz.routing.catalog.mongo.CommandeDocument;
import fr.rdz.routing.catalog.mongo.FormDocument;
import fr.rdz.routing.catalog.mongo.LpDocument;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The catalog snapshots routing publishes, built from its documents, equal the checked-in contract samples. */
class ProducerContractTest {

    private static final Instant AT = Instant.parse("2026-11-20T08:30:00Z");

    @Test
    void lpSnapshot() throws IOException {
        var doc = new LpDocument(
                "LP-001",
                Entity.ZR7,
                "Solaire IDF",
                "https://solaire.example.fr/",
                "PV-001",
                CatalogStatus.ACTIVE,
                AT,
                AT,
                1,
                List.of());
        assertMatches("LpSnapshot", "00000000-0000-4000-8000-000000000015", doc.snapshot());
    }

    @Test
    void formSnapshot() throws IOException {
        var doc = new FormDocument(
                "PV-001",
                Entity.ZR7,
                Product.PV,
                "Solaire IDF",
                "LP-001",
                "https://solaire.example.fr/merci",
                CatalogStatus.ACTIVE,
                AT,
                AT,
                1,
                List.of(),
                "CT-0001");
        assertMatches("FormSnapshot", "00000000-0000-4000-8000-000000000014", doc.snapshot());
    }

    @Test
    void clientSnapshot() throws IOException {
        var doc = new ClientDocument(
                "c-0001",
                Entity.ZR7,
                "Solaire Pro",
                List.of("leads@solaire-pro.example.fr"),
                DeliveryChannel.BOTH,
                "http://localhost:9999/lead/api/create_lead/",
                "v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "****1234",
                true,
                false,
                AT,
                AT,
                1,
                List.of());
        assertMatches("ClientSnapshot", "00000000-0000-4000-8000-000000000016", doc.snapshot());
    }

    @Test
    void commandeSnapshot() throws IOException {
        var doc = new CommandeDocument(
                "cmd-0001",
                Entity.ZR7,
                "c-0001",
                Product.PV,
                List.of("75", "92", "93"),
                50,
                List.of(DeliveryDay.MON, DeliveryDay.WED, DeliveryDay.FRI),
                20,
                1,
                false,
                "2026-11-01",
                null,
                true,
                false,
                AT,
                AT,
                1,
                List.of());
        assertMatches("CommandeSnapshot", "00000000-0000-4000-8000-000000000017", doc.snapshot());
    }

    private static void assertMatches(String type, String eventId, RdzEvent payload) throws IOException {
        Envelope<?> envelope = Envelope.of(UUID.fromString(eventId), payload, "routing-service", AT);
        JsonNode produced = EventCodec.mapper().readTree(EventCodec.encode(envelope));
        try (InputStream in = ProducerContractTest.class.getResourceAsStream("/contracts/" + type + ".v1.json")) {
            assertThat(in).as("contract sample of " + type).isNotNull();
            assertThat(produced).isEqualTo(EventCodec.mapper().readTree(in));
        }
    }
}
