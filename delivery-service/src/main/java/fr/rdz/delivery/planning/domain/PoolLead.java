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
 * rejected it (never resold to them).
 */
public record PoolLead(
        String leadId,
        Entity entity,
        Product product,
        String departement,
        String phone,
        Instant receivedAt,
        List<Instant> deliveredAt,
        Set<String> rejectedBy) {

    public PoolLead {
        deliveredAt = deliveredAt == null ? List.of() : deliveredAt;
        rejectedBy = rejectedBy == null ? Set.of() : rejectedBy;
    }

    @Override
    public String toString() {
        return "PoolLead[" + leadId + ", " + entity + ", " + product + ", " + departement + ", " + Pii.maskPhone(phone)
                + ", " + receivedAt + "]";
    }
}
