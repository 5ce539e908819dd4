package fr.rdz.routing.lead.domain;

import fr.rdz.events.LeadData;
import fr.rdz.events.LeadStatus;
import fr.rdz.events.RoutingState;
import fr.rdz.routing.catalog.domain.Commande;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Routing's decision for one received lead (spec §4): leads that are not {@code pending} stay out
 * of distribution ({@code invalid}, {@code orphan}, {@code double_submit}); so does a lead whose
 * person refused to be called ({@code no_consent}, reason {@value #NO_CONSENT_REASON}: spec §11,
 * French law forbids canvassing by phone without prior consent); any other pending lead is
 * {@code fresh} with the commandes of its entity and product that cover its département, are in
 * force on the day and whose client is active, may still receive it (30-day duplicate rule) and
 * has not rejected this person's lead; {@code no_order} when none remains.
 */
public record RoutingDecision(RoutingState state, List<String> eligibleCommandeIds, String reason) {

    /** The reason recorded with {@code no_consent}: the lead was submitted with {@code rgpd_consent: false}. */
    public static final String NO_CONSENT_REASON = "no_consent: rgpd_consent false";

    /** The reason recorded when the person withdrew their consent (opposition): never delivered again. */
    public static final String WITHDRAWN_REASON = "consent_withdrawn";

    /** What the decision is made from, besides the lead itself. */
    public record Candidates(
            Collection<Commande> commandes,
            Set<String> activeClientIds,
            Set<String> duplicateClientIds,
            Set<String> rejectingClientIds) {}

    /**
     * The commandes that match the lead but were left out for a duplicate or a rejection (a
     * pending lead with entity and product only), each with its reason.
     */
    public static List<Exclusion> exclusions(
            LeadData lead, Candidates candidates, Map<String, Instant> duplicateUntil, LocalDate day) {
        if (lead.entity() == null || lead.product() == null) {
            return List.of();
        }
        return matching(lead, candidates, day)
                .flatMap(c -> {
                    if (candidates.rejectingClientIds().contains(c.clientId())) {
                        return java.util.stream.Stream.of(
                                new Exclusion(c.id(), c.clientId(), Exclusion.REJECTED, null));
                    }
                    if (candidates.duplicateClientIds().contains(c.clientId())) {
                        return java.util.stream.Stream.of(new Exclusion(
                                c.id(), c.clientId(), Exclusion.DUPLICATE, duplicateUntil.get(c.clientId())));
                    }
                    return java.util.stream.Stream.empty();
                })
                .toList();
    }

    public static RoutingDecision decide(
            LeadData lead, LeadStatus status, List<String> missingFields, Candidates candidates, LocalDate day) {
        switch (status) {
            case INVALID_PHONE -> {
                return new RoutingDecision(RoutingState.INVALID, List.of(), "invalid_phone");
            }
            case MISSING_REQUIRED -> {
                String missing =
                        missingFields == null || missingFields.isEmpty() ? "" : ": " + String.join(", ", missingFields);
                return new RoutingDecision(RoutingState.INVALID, List.of(), "missing_required" + missing);
            }
            case DOUBLE_SUBMIT -> {
                return new RoutingDecision(RoutingState.DOUBLE_SUBMIT, List.of(), "double_submit");
            }
            case ORPHAN -> {
                return new RoutingDecision(RoutingState.ORPHAN, List.of(), "unknown form");
            }
            default -> {
                // pending: routed below
            }
        }
        if (lead.entity() == null || lead.product() == null) {
            return new RoutingDecision(RoutingState.ORPHAN, List.of(), "unknown form");
        }
        if (lead.consent() != null && lead.consent().refused()) {
            return new RoutingDecision(
                    RoutingState.NO_CONSENT,
                    List.of(),
                    lead.consent().withdrawn() ? WITHDRAWN_REASON : NO_CONSENT_REASON);
        }
        List<String> eligible = matching(lead, candidates, day)
                .filter(c -> !candidates.duplicateClientIds().contains(c.clientId()))
                .filter(c -> !candidates.rejectingClientIds().contains(c.clientId()))
                .map(Commande::id)
                .toList();
        if (eligible.isEmpty()) {
            return new RoutingDecision(RoutingState.NO_ORDER, List.of(), "no matching commande");
        }
        return new RoutingDecision(RoutingState.FRESH, eligible, null);
    }

    /**
     * The commandes that want this lead on that day, in service order: same entity and product,
     * covering its département, in force, with an active client.
     */
    private static java.util.stream.Stream<Commande> matching(LeadData lead, Candidates candidates, LocalDate day) {
        return candidates.commandes().stream()
                .filter(c -> c.entity() == lead.entity() && c.product() == lead.product())
                .filter(c -> c.covers(lead.departement()))
                .filter(c -> c.inForceOn(day))
                .filter(c -> candidates.activeClientIds().contains(c.clientId()))
                .sorted(Commande.SERVICE_ORDER);
    }
}
