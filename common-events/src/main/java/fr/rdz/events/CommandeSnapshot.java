package fr.rdz.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The current state of a commande (a client's standing weekly order for one product), on the
 * compacted commandes topic. {@code departements} {@code ["*"]} means all; {@code ends_on} null
 * means open-ended.
 */
public record CommandeSnapshot(
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
        LocalDate startsOn,
        LocalDate endsOn,
        boolean active,
        boolean deleted,
        Instant createdAt,
        Instant updatedAt)
        implements RoutingEvent {

    public static final String ALL_DEPARTEMENTS = "*";

    @Override
    public String key() {
        return id;
    }
}
