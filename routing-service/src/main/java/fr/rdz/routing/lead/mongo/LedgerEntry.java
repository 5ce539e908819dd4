package fr.rdz.routing.lead.mongo;

import fr.rdz.events.Product;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Routing's copy of the delivery ledger, fed by {@code LeadDelivered}: what the duplicate rule
 * needs (phone, product, client, when), plus what the lead's history shows. Keyed by lead, client
 * and batch: a redelivered event writes the same line.
 */
@Document("delivery_ledger")
public record LedgerEntry(
        @Id String id,
        String leadId,
        String phone,
        Product product,
        String clientId,
        Instant deliveredAt,
        String eventId,
        String commandeId,
        String batchId,
        String runId,
        String kind,
        boolean crossEntity) {

    @Override
    public String toString() {
        return "LedgerEntry[id=" + id + "]";
    }
}
