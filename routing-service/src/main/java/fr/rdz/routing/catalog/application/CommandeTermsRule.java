package fr.rdz.routing.catalog.application;

import static fr.rdz.routing.catalog.application.CatalogEdits.notBlank;
import static fr.rdz.routing.catalog.application.CatalogEdits.require;

import fr.rdz.routing.catalog.domain.Departements;
import java.util.List;

/**
 * The terms a commande may have, checked alike at creation and replacement: an entity, a client id
 * and a product; known départements ({@link Departements}); a weekly quota of 0 or more; a lead-backlog
 * share of 0–100; at least one delivery day; an end not before the start; a priority of 0 or more.
 * The first term that breaks the rule is refused, in this order. Whether the client exists and shares
 * the commande's entity is read from the store by {@link ManagingCommandes}.
 */
final class CommandeTermsRule {

    private CommandeTermsRule() {}

    /** Checks {@code terms} and returns their départements as stored (trimmed, upper-cased, padded, once each). */
    static List<String> check(CommandeTerms terms) {
        require(terms.entity() != null, "entity is required (ZR7 or MDL)");
        require(notBlank(terms.clientId()), "client_id is required (the id returned by POST /admin/clients)");
        require(terms.product() != null, "product is required (PV, PAC or ITE)");
        List<String> departements = Departements.validate(terms.departements());
        Integer quota = terms.weeklyQuota();
        require(quota != null, "weekly_quota is required (0 or more leads per week)");
        require(quota >= 0, "weekly_quota must be 0 or more, got " + quota);
        Integer lbShare = terms.lbMaxPercent();
        require(
                lbShare == null || (lbShare >= 0 && lbShare <= 100),
                "lb_max_percent must be between 0 and 100, got " + lbShare);
        require(
                terms.deliveryDays() != null && !terms.deliveryDays().isEmpty(),
                "delivery_days must list at least one day among MON, TUE, WED, THU, FRI, SAT, SUN");
        require(
                terms.startsOn() == null
                        || terms.endsOn() == null
                        || !terms.endsOn().isBefore(terms.startsOn()),
                "ends_on (" + terms.endsOn() + ") is before starts_on (" + terms.startsOn() + ")");
        require(terms.priority() == null || terms.priority() >= 0, "priority must be 0 or more");
        return departements;
    }
}
