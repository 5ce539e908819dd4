package fr.rdz.routing.consent.application;

import fr.rdz.routing.consent.domain.ConsentAwareRouting;
import fr.rdz.routing.consent.domain.ConsentCoverage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps consent-aware routing adds to a lead's history: one {@code not_eligible} step per
 * commande left out because its client is not covered ("hors consentement", with the commande and
 * client), and a {@code consent_warning} step when the lead names a consent text the catalog does
 * not know (the lead is kept and routed without restriction) or accepted it outside its validity.
 * The lead's history stores each {@link Step} as one line (type, event id, time, client, commande, reason).
 */
public final class ConsentHistory {

    public static final String NOT_ELIGIBLE = "not_eligible";
    public static final String CONSENT_WARNING = "consent_warning";

    /** One history step of consent-aware routing; {@code clientId} and {@code commandeId} only for {@code not_eligible}. */
    public record Step(String eventId, String type, Instant at, String clientId, String commandeId, String reason) {}

    private ConsentHistory() {}

    /** The steps to add after the routed step of {@code routedEventId}, in this order (none when nothing was left out). */
    public static List<Step> consentSteps(
            String routedEventId, ConsentAwareRouting routing, ConsentCoverage coverage, Instant at) {
        if (routing.excluded().isEmpty() && coverage.warning() == null) {
            return List.of();
        }
        List<Step> all = new ArrayList<>();
        if (coverage.warning() != null) {
            all.add(new Step(routedEventId + ":consent", CONSENT_WARNING, at, null, null, coverage.warning()));
        }
        routing.excluded()
                .forEach(c -> all.add(new Step(
                        routedEventId + ":" + c.id(),
                        NOT_ELIGIBLE,
                        at,
                        c.clientId(),
                        c.id(),
                        ConsentAwareRouting.why(c, coverage))));
        return List.copyOf(all);
    }
}
