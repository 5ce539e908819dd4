package fr.rdz.events;

import java.time.LocalDate;
import java.util.List;

/**
 * A non-empty batch of one daily run: the leads delivered to one commande on one delivery date,
 * with every field the CSV e-mail and the CRM push need. Keyed by client id, so every part of a
 * batch lands on one partition, in order.
 *
 * <p>A batch too big for one Kafka record travels in parts (added in v1, optional): {@code part}
 * (1-based) of {@code parts}, each with the same batch fields and a slice of the leads, in order;
 * {@code batch_lead_count} is the number of leads of the whole batch. Without these fields the
 * event is the whole batch (one part of one). A consumer that needs the whole batch (the e-mail)
 * assembles the parts by {@code batch_id} + {@code part}; one that works lead by lead (the CRM
 * push) can handle each part as it comes.
 */
public record DeliveryPlanned(
        String batchId,
        String runId,
        LocalDate runDate,
        Entity entity,
        Product product,
        String commandeId,
        BatchClient client,
        List<PlannedLead> leads,
        Integer part,
        Integer parts,
        Integer batchLeadCount)
        implements DeliveryEvent {

    /** A whole batch in one event (the v1 shape before parts existed). */
    public DeliveryPlanned(
            String batchId,
            String runId,
            LocalDate runDate,
            Entity entity,
            Product product,
            String commandeId,
            BatchClient client,
            List<PlannedLead> leads) {
        this(batchId, runId, runDate, entity, product, commandeId, client, leads, null, null, null);
    }

    @Override
    public String key() {
        return client.id();
    }

    /** This event's part number, 1 when the event is a whole batch. */
    public int partNumber() {
        return part == null ? 1 : part;
    }

    /** How many parts the batch travels in, 1 when the event is a whole batch. */
    public int partCount() {
        return parts == null ? 1 : parts;
    }

    /** The number of leads of the whole batch (this event's leads when it is a whole batch). */
    public int wholeBatchLeadCount() {
        return batchLeadCount != null ? batchLeadCount : leads == null ? 0 : leads.size();
    }

    /** Part {@code part} of {@code parts} of this batch, carrying {@code slice} of its {@code total} leads. */
    public DeliveryPlanned asPart(int part, int parts, List<PlannedLead> slice, int total) {
        return new DeliveryPlanned(
                batchId, runId, runDate, entity, product, commandeId, client, slice, part, parts, total);
    }

    /** The whole batch (no part fields) with {@code allLeads}: what a consumer gets once it assembled every part. */
    public DeliveryPlanned whole(List<PlannedLead> allLeads) {
        return new DeliveryPlanned(batchId, runId, runDate, entity, product, commandeId, client, allLeads);
    }
}
