package fr.rdz.delivery.planning.domain;

import fr.rdz.events.Entity;
import fr.rdz.events.Pii;
import fr.rdz.events.Product;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A distributable lead as the planner sees it: where it belongs (entity, product, département),
 * its phone, when it was received, every time it was delivered (any client) and the clients that
 * rejected it (never resold to them), and the clients its consent covers (null: any).
 */
public record PoolLead(
        String leadId,
        Entity entity,
        Product product,
        String departement,
        String phone,
        Instant receivedAt,
        List<Instant> deliveredAt,
        Set<String> rejectedBy,
        Set<String> consentClientIds) {

    public PoolLead {
        deliveredAt = deliveredAt == null ? List.of() : deliveredAt;
        rejectedBy = rejectedBy == null ? Set.of() : rejectedBy;
    }

    /** A lead whose consent restricts no client (legacy leads, no catalog consent text). */
    public PoolLead(
            String leadId,
            Entity entity,
            Product product,
            String departement,
            String phone,
            Instant receivedAt,
            List<Instant> deliveredAt,
            Set<String> rejectedBy) {
        this(leadId, entity, product, departement, phone, receivedAt, deliveredAt, rejectedBy, null);
    }

    /**
     * Whether the person's consent covers this client (spec §11): {@code consentClientIds} are the
     * partners its consent text names; null when routing knew no text for it (no restriction).
     */
    public boolean consentCovers(String clientId) {
        return consentClientIds == null || consentClientIds.contains(clientId);
    }

    @Override
    public String toString() {
        return "PoolLead[" + leadId + ", " + entity + ", " + product + ", " + departement + ", " + Pii.maskPhone(phone)
                + ", " + receivedAt + "]";
    }
}
