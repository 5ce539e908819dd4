package fr.rdz.delivery.run.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.rdz.delivery.planning.domain.PlannedBatch;
import fr.rdz.delivery.planning.domain.PlannedDelivery;
import fr.rdz.events.BatchClient;
import fr.rdz.events.ClientSnapshot;
import fr.rdz.events.Entity;
import fr.rdz.events.EventCodec;
import fr.rdz.events.EventSamples;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadKind;
import fr.rdz.events.Product;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The events a run publishes equal the checked-in contract samples ({@code contracts/*.v1.json}, common-events test-jar). */
class RunEventsContractTest {

    private static final LocalDate DATE = LocalDate.of(2026, 11, 20);
    private static final String RUN_ID = PlanningDailyRun.runId(Entity.ZR7, DATE);
    private static final LeadData LEAD = EventSamples.aLead();
    private static final PlannedDelivery DELIVERY =
            new PlannedDelivery(LEAD.leadId(), LEAD.phone(), Entity.ZR7, LeadKind.FRESH, false);

    private static JsonNode contractPayload(String name) throws IOException {
        try (InputStream in = RunEventsContractTest.class.getResourceAsStream("/contracts/" + name + ".v1.json")) {
            return EventCodec.mapper().readTree(in).path("payload");
        }
    }

    private static JsonNode json(Object payload) {
        return EventCodec.mapper().valueToTree(payload);
    }

    @Test
    void leadDeliveredMatchesTheContract() throws IOException {
        PlannedBatch batch = new PlannedBatch("cmd-0001", "c-0001", Product.PV, 10, List.of(DELIVERY), 0);
        assertThat(json(RunEvents.leadDelivered(RUN_ID, DATE, Entity.ZR7, "b-0001", batch, DELIVERY)))
                .isEqualTo(contractPayload("LeadDelivered"));
    }

    @Test
    void deliveryPlannedMatchesTheContract() throws IOException {
        BatchClient c = EventSamples.aClient();
        ClientSnapshot client = new ClientSnapshot(
                c.id(),
                Entity.ZR7,
                c.name(),
                c.emails(),
                c.deliveryChannel(),
                c.apiUrl(),
                c.apiKeyEncrypted(),
                "****",
                true,
                false,
                EventSamples.AT);
        PlannedBatch batch = new PlannedBatch("cmd-0001", "c-0001", Product.PV, 10, List.of(DELIVERY), 0);
        assertThat(json(RunEvents.deliveryPlanned(
                        RUN_ID, DATE, Entity.ZR7, "b-0001", batch, client, Map.of(LEAD.leadId(), LEAD))))
                .isEqualTo(contractPayload("DeliveryPlanned"));
    }

    @Test
    void runCompletedMatchesTheContract() throws IOException {
        List<PlannedDelivery> leads = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            leads.add(new PlannedDelivery("l" + i, "06" + i, Entity.ZR7, i < 7 ? LeadKind.FRESH : LeadKind.LB, false));
        }
        PlannedBatch batch = new PlannedBatch("cmd-0001", "c-0001", Product.PV, 10, leads, 3);
        assertThat(json(RunEvents.runCompleted(
                        RUN_ID, Entity.ZR7, DATE, EventSamples.AT, List.of(RunEvents.summary("b-0001", batch)))))
                .isEqualTo(contractPayload("RunCompleted"));
    }
}
