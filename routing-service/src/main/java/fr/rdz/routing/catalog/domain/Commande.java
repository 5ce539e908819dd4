package fr.rdz.routing.catalog.domain;

import fr.rdz.events.DeliveryDay;
import fr.rdz.events.Entity;
import fr.rdz.events.Product;
import fr.rdz.routing.shared.domain.RequestRejected;
import fr.rdz.rules.CommandeInForce;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * A client's standing weekly order for one product, as far as routing needs it: which leads it
 * wants (entity, product, départements) and when it is in force.
 */
public record Commande(
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
        Instant createdAt) {

    /** The terms an operator may set, checked once here for create and update. */
    public static void validateTerms(
            Integer weeklyQuota,
            Integer lbMaxPercent,
            List<DeliveryDay> deliveryDays,
            LocalDate startsOn,
            LocalDate endsOn) {
        if (weeklyQuota == null) {
            throw RequestRejected.invalid("weekly_quota is required (0 or more leads per week)");
        }
        if (weeklyQuota < 0) {
            throw RequestRejected.invalid("weekly_quota must be 0 or more, got " + weeklyQuota);
        }
        if (lbMaxPercent != null && (lbMaxPercent < 0 || lbMaxPercent > 100)) {
            throw RequestRejected.invalid("lb_max_percent must be between 0 and 100, got " + lbMaxPercent);
        }
        if (deliveryDays == null || deliveryDays.isEmpty()) {
            throw RequestRejected.invalid(
                    "delivery_days must list at least one day among MON, TUE, WED, THU, FRI, SAT, SUN");
        }
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            throw RequestRejected.invalid("ends_on (" + endsOn + ") is before starts_on (" + startsOn + ")");
        }
    }

    /** Whether the commande takes leads of this département. */
    public boolean covers(String departement) {
        return departements.contains(Departements.ALL) || departements.contains(departement);
    }

    /** Active and within its validity period on that (Paris) day: {@link CommandeInForce}. */
    public boolean inForceOn(LocalDate day) {
        return CommandeInForce.on(day, active, startsOn, endsOn);
    }

    /** The order commandes are served in (spec §5.2): {@link CommandeInForce#serviceOrder}. */
    public static final Comparator<Commande> SERVICE_ORDER =
            CommandeInForce.serviceOrder(Commande::priority, Commande::createdAt, Commande::id);
}
