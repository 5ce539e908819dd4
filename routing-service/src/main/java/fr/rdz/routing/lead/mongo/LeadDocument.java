package fr.rdz.routing.lead.mongo;

import fr.rdz.events.LeadData;
import fr.rdz.routing.lead.application.StoredLead;
import fr.rdz.routing.lead.domain.Exclusion;
import fr.rdz.routing.outbox.OutboxEntry;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The routing record of one lead, keyed by lead id (so routing the same lead twice is impossible):
 * the lead as received, intake's status, the routing decision, deliveries, rejections, its whole
 * history and the events still to publish. {@code status} is the lead's current status in one word
 * ({@code fresh}, {@code no_order}, {@code invalid}, {@code orphan}, {@code double_submit},
 * {@code no_consent}, {@code delivered}, {@code rejected}). {@code qualityTier} comes from the quality mapping of its
 * {@code utm_campaign} when it was routed; {@code exclusions} are the matching commandes left out
 * (30-day duplicate, rejection) at that moment.
 */
@Document("leads")
public record LeadDocument(
        @Id String id,
        LeadData lead,
        String intakeStatus,
        List<String> missingFields,
        String originalLeadId,
        String routingState,
        List<String> eligibleCommandeIds,
        String reason,
        String status,
        List<DeliveryRef> deliveries,
        List<String> rejectedClientIds,
        boolean erased,
        List<HistoryEntry> history,
        List<OutboxEntry> outbox,
        String qualityTier,
        List<Exclusion> exclusions)
        implements StoredLead {

    @Override
    public String toString() {
        return "LeadDocument[id=" + id + ", status=" + status + "]";
    }
}
