package fr.rdz.routing.consent.domain;

import fr.rdz.events.RoutingState;
import fr.rdz.routing.catalog.domain.Commande;
import fr.rdz.routing.lead.domain.RoutingDecision;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A lead is eligible only for commandes whose client its consent covers (spec §11). Applied to
 * routing's decision: the commandes it found whose client the consent text does not name are
 * removed and listed as {@code excluded} (their "why": hors consentement); when none remains the
 * lead is {@code no_order} with reason {@code not_covered_by_consent}.
 */
public record ConsentAwareRouting(RoutingDecision decision, List<Commande> excluded) {

    public static ConsentAwareRouting apply(
            RoutingDecision decision, Collection<Commande> commandes, ConsentCoverage coverage) {
        if (decision.state() != RoutingState.FRESH || !coverage.restricted()) {
            return new ConsentAwareRouting(decision, List.of());
        }
        Map<String, Commande> byId = commandes.stream().collect(Collectors.toMap(Commande::id, Function.identity()));
        List<String> covered = decision.eligibleCommandeIds().stream()
                .filter(id -> coverage.covers(byId.get(id).clientId()))
                .toList();
        List<Commande> excluded = decision.eligibleCommandeIds().stream()
                .map(byId::get)
                .filter(c -> !coverage.covers(c.clientId()))
                .toList();
        if (excluded.isEmpty()) {
            return new ConsentAwareRouting(decision, List.of());
        }
        RoutingDecision changed = covered.isEmpty()
                ? new RoutingDecision(RoutingState.NO_ORDER, List.of(), ConsentCoverage.NOT_COVERED)
                : new RoutingDecision(RoutingState.FRESH, covered, decision.reason());
        return new ConsentAwareRouting(changed, excluded);
    }

    /** The French "why" of one excluded commande, as the lead's history shows it. */
    public static String why(Commande commande, ConsentCoverage coverage) {
        return ConsentCoverage.NOT_COVERED + ": hors consentement (le texte de consentement " + coverage.textVersion()
                + " ne nomme pas le client " + commande.clientId() + ")";
    }
}
