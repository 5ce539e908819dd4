package fr.rdz.delivery.run.application;

import fr.rdz.delivery.planning.domain.PlannedBatch;
import fr.rdz.delivery.planning.domain.PlannedDelivery;
import fr.rdz.delivery.planning.domain.RunReference;
import fr.rdz.events.BatchClient;
import fr.rdz.events.BatchSummary;
import fr.rdz.events.ClientSnapshot;
import fr.rdz.events.DeliveryPlanned;
import fr.rdz.events.Entity;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadDelivered;
import fr.rdz.events.PlannedLead;
import fr.rdz.events.RunCompleted;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The events a recorded run publishes, built from the planner's batches (checked against the contract samples). */
public final class RunEvents {

    private RunEvents() {}

    /** One lead delivered to the batch's client; {@code delivered_at} is the run's reference instant (D 09:30 Paris). */
    public static LeadDelivered leadDelivered(
            String runId, LocalDate date, Entity entity, String batchId, PlannedBatch batch, PlannedDelivery lead) {
        return new LeadDelivered(
                lead.leadId(),
                lead.phone(),
                batch.product(),
                entity,
                lead.leadEntity(),
                batch.clientId(),
                batch.commandeId(),
                batchId,
                runId,
                date,
                RunReference.of(date),
                lead.kind(),
                lead.crossEntity());
    }

    /**
     * A non-empty batch with every lead in full and the client as the channels need it (API key encrypted
     * only), as part 1 of 1; {@link SplittingBatchEvent} cuts it into more parts when it is too big for a record.
     */
    public static DeliveryPlanned deliveryPlanned(
            String runId,
            LocalDate date,
            Entity entity,
            String batchId,
            PlannedBatch batch,
            ClientSnapshot client,
            Map<String, LeadData> leads) {
        List<PlannedLead> planned = batch.leads().stream()
                .map(d -> new PlannedLead(leads.get(d.leadId()), d.kind(), d.crossEntity()))
                .toList();
        return new DeliveryPlanned(
                batchId,
                runId,
                date,
                entity,
                batch.product(),
                batch.commandeId(),
                new BatchClient(
                        client.id(),
                        client.name(),
                        client.emails(),
                        client.deliveryChannel(),
                        client.apiUrl(),
                        client.apiKeyEncrypted()),
                planned,
                1,
                1,
                planned.size());
    }

    public static BatchSummary summary(String batchId, PlannedBatch b) {
        return new BatchSummary(
                batchId,
                b.commandeId(),
                b.clientId(),
                b.product(),
                b.target(),
                b.fresh(),
                b.lb(),
                b.crossEntity(),
                b.duplicatesReplaced(),
                b.isShort());
    }

    public static RunCompleted runCompleted(
            String runId, Entity entity, LocalDate date, Instant plannedAt, List<BatchSummary> batches) {
        return new RunCompleted(runId, entity, date, plannedAt, batches);
    }
}
