package fr.rdz.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One lead delivered to one client by a run: the fact the 30-day duplicate rule and LB re-entry
 * are computed from. {@code entity} is the client's; {@code lead_entity} the lead's (they differ
 * only for a cross-entity delivery).
 */
public record LeadDelivered(
        String leadId,
        String phone,
        Product product,
        Entity entity,
        Entity leadEntity,
        String clientId,
        String commandeId,
        String batchId,
        String runId,
        LocalDate runDate,
        Instant deliveredAt,
        LeadKind kind,
        boolean crossEntity)
        implements DeliveryEvent {

    @Override
    public String key() {
        return phone;
    }

    @Override
    public String toString() {
        return "LeadDelivered[leadId=" + leadId + ", phone=" + Pii.maskPhone(phone) + ", clientId=" + clientId
                + ", batchId=" + batchId + ", kind=" + kind + ", crossEntity=" + crossEntity + "]";
    }
}
