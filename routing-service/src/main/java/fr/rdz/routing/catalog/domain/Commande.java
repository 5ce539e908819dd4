package fr.rdz.routing.catalog.domain;

import fr.rdz.events.DeliveryDay;
import fr.rdz.events.Entity;
import fr.rdz.events.Product;
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
