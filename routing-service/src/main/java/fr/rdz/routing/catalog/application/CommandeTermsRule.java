package fr.rdz.routing.catalog.application;

import static fr.rdz.routing.catalog.application.CatalogEdits.notBlank;

import fr.rdz.routing.catalog.domain.Departements;
import fr.rdz.routing.shared.domain.InvalidInput;
import java.util.List;

/**
 * The terms a commande may have, checked alike at creation and replacement: an entity, a client id
 * and a product; known départements ({@link Departements}); a weekly quota of 0 or more; a lead-backlog
 * share of 0–100; at least one delivery day; an end not before the start; a priority of 0 or more.
 * Every broken term is refused at once, each under its field, in this order; the problem's detail
 * joins their messages. Whether the client exists and shares the commande's entity is read from the
 * store by {@link ManagingCommandes}.
 */
final class CommandeTermsRule {

    private CommandeTermsRule() {}

    /** Checks {@code terms} and returns their départements as stored (trimmed, upper-cased, padded, once each). */
    static List<String> check(CommandeTerms terms) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        errors.check(terms.entity() != null, "entity", "entity is required (ZR7 or MDL)");
        errors.check(
                notBlank(terms.clientId()),
                "client_id",
                "client_id is required (the id returned by POST /admin/clients)");
        errors.check(terms.product() != null, "product", "product is required (PV, PAC or ITE)");
        List<String> departements = Departements.normalised(terms.departements(), errors);
        Integer quota = terms.weeklyQuota();
        errors.check(quota != null, "weekly_quota", "weekly_quota is required (0 or more leads per week)");
        errors.check(quota == null || quota >= 0, "weekly_quota", "weekly_quota must be 0 or more, got " + quota);
        Integer lbShare = terms.lbMaxPercent();
        errors.check(
                lbShare == null || (lbShare >= 0 && lbShare <= 100),
                "lb_max_percent",
                "lb_max_percent must be between 0 and 100, got " + lbShare);
        errors.check(
                terms.deliveryDays() != null && !terms.deliveryDays().isEmpty(),
                "delivery_days",
                "delivery_days must list at least one day among MON, TUE, WED, THU, FRI, SAT, SUN");
        errors.check(
                terms.startsOn() == null
                        || terms.endsOn() == null
                        || !terms.endsOn().isBefore(terms.startsOn()),
                "ends_on",
                "ends_on (" + terms.endsOn() + ") is before starts_on (" + terms.startsOn() + ")");
        errors.check(terms.priority() == null || terms.priority() >= 0, "priority", "priority must be 0 or more");
        errors.throwIfAny(String.join(
                "; ",
                errors.violations().stream().map(InvalidInput.Violation::reason).toList()));
        return departements;
    }
}
