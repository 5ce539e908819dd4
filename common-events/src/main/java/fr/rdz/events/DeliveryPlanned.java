package fr.rdz.events;

import java.time.LocalDate;
import java.util.List;

/**
 * A non-empty batch of one daily run: the leads delivered to one commande on one delivery date,
 * with every field the CSV e-mail and the CRM push need. Keyed by client id.
 */
public record DeliveryPlanned(
        String batchId,
        String runId,
        LocalDate runDate,
        Entity entity,
        Product product,
        String commandeId,
        BatchClient client,
        List<PlannedLead> leads)
        implements DeliveryEvent {

    @Override
    public String key() {
        return client.id();
    }
}
