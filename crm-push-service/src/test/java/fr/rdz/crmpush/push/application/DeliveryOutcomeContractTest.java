package fr.rdz.crmpush.push.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.rdz.crmpush.push.domain.PushTask;
import fr.rdz.events.Envelope;
import fr.rdz.events.EventCodec;
import fr.rdz.events.EventSamples;
import fr.rdz.events.OutcomeStatus;
import fr.rdz.events.Product;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The outcome crm-push publishes for a pushed lead is the checked-in contract sample. */
class DeliveryOutcomeContractTest {

    @Test
    void publishesTheContractsDeliveryOutcomeForASuccessfulPush() throws Exception {
        PushTask task = new PushTask(
                "b-0001",
                "run-ZR7-2026-11-20",
                LocalDate.parse("2026-11-20"),
                fr.rdz.events.Entity.ZR7,
                Product.PV,
                "cmd-0001",
                "c-0001",
                "Solaire Pro",
                "http://localhost:9999/lead/api/create_lead/",
                "v1:AAAA",
                EventSamples.aLead());
        PendingOutcome pending = PushingLead.pending(task, OutcomeStatus.SUCCESS, null, 1, EventSamples.AT);
        Envelope<?> envelope = Envelope.of(
                UUID.fromString("00000000-0000-4000-8000-000000000020"),
                pending.outcome(),
                "crm-push-service",
                EventSamples.AT);

        JsonNode published = EventCodec.mapper().readTree(EventCodec.encode(envelope));
        try (InputStream sample = getClass().getResourceAsStream("/contracts/DeliveryOutcome.v1.json")) {
            assertThat(published).isEqualTo(EventCodec.mapper().readTree(sample));
        }
        assertThat(envelope.key()).isEqualTo("c-0001");
    }
}
