package fr.rdz.routing.catalog.application;

import fr.rdz.events.CommandeSnapshot;
import fr.rdz.events.DeliveryDay;
import fr.rdz.events.Entity;
import fr.rdz.events.Product;
import fr.rdz.routing.catalog.domain.Commande;
import fr.rdz.routing.outbox.OutboxEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A commande as the catalog stores it (with its version and the snapshots still to publish). Dates are kept as ISO
 * strings so that no time zone ever shifts them.
 */
public record StoredCommande(
        String id,
        Entity entity,
        String clientId,
        Product product,
        List<String> departements,
        int weeklyQuota,
        List<DeliveryDay> deliveryDays,
        int lbMaxPercent,
        int priority,
        boolean allowCrossEntity,
        String startsOn,
        String endsOn,
        boolean active,
        boolean deleted,
        Instant createdAt,
        Instant updatedAt,
        long version,
        List<OutboxEntry> outbox) {

    public LocalDate startsOnDate() {
        return startsOn == null ? null : LocalDate.parse(startsOn);
    }

    public LocalDate endsOnDate() {
        return endsOn == null ? null : LocalDate.parse(endsOn);
    }

    public Commande toDomain() {
        return new Commande(
                id,
                entity,
                clientId,
                product,
                departements,
                weeklyQuota,
                deliveryDays,
                lbMaxPercent,
                priority,
                allowCrossEntity,
                startsOnDate(),
                endsOnDate(),
                active && !deleted,
                createdAt);
    }

    public CommandeSnapshot snapshot() {
        return new CommandeSnapshot(
                id,
                entity,
                clientId,
                product,
                departements,
                weeklyQuota,
                deliveryDays,
                lbMaxPercent,
                priority,
                allowCrossEntity,
                startsOnDate(),
                endsOnDate(),
                active,
                deleted,
                createdAt,
                updatedAt);
    }

    /** The same commande with another outbox. */
    public StoredCommande withOutbox(List<OutboxEntry> entries) {
        return new StoredCommande(
                id,
                entity,
                clientId,
                product,
                departements,
                weeklyQuota,
                deliveryDays,
                lbMaxPercent,
                priority,
                allowCrossEntity,
                startsOn,
                endsOn,
                active,
                deleted,
                createdAt,
                updatedAt,
                version,
                entries);
    }
}
