package fr.rdz.routing.consent.application;

import fr.rdz.routing.consent.domain.ConsentAwareRouting;
import fr.rdz.routing.consent.domain.ConsentCoverage;
import fr.rdz.routing.lead.mongo.HistoryEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps consent-aware routing adds to a lead's history: one {@code not_eligible} step per
 * commande left out because its client is not covered ("hors consentement", with the commande and
 * client), and a {@code consent_warning} step when the lead names a consent text the catalog does
 * not know (the lead is kept and routed without restriction) or accepted it outside its validity.
 */
public final class ConsentHistory {

    public static final String NOT_ELIGIBLE = "not_eligible";
    public static final String CONSENT_WARNING = "consent_warning";

    private ConsentHistory() {}

    public static List<HistoryEntry> withConsentSteps(
            List<HistoryEntry> history,
            String routedEventId,
            ConsentAwareRouting routing,
            ConsentCoverage coverage,
            Instant at) {
        if (routing.excluded().isEmpty() && coverage.warning() == null) {
            return history;
        }
        List<HistoryEntry> all = new ArrayList<>(history);
        if (coverage.warning() != null) {
            all.add(HistoryEntry.of(routedEventId + ":consent", CONSENT_WARNING, at)
                    .withReason(coverage.warning()));
        }
        routing.excluded()
                .forEach(c -> all.add(HistoryEntry.of(routedEventId + ":" + c.id(), NOT_ELIGIBLE, at)
                        .withDelivery(c.clientId(), c.id(), null, null)
                        .withReason(ConsentAwareRouting.why(c, coverage))));
        return List.copyOf(all);
    }
}
