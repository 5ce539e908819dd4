package fr.rdz.routing.lead.application;

import fr.rdz.events.Envelope;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadRouted;
import fr.rdz.routing.consent.application.ConsentHistory;
import fr.rdz.routing.lead.domain.Exclusion;
import java.time.Instant;
import java.util.List;

/**
 * A lead routing has just routed, as {@link LeadRecords#insertRouted} stores it: the lead, intake's word on it
 * ({@code intakeStatus}, {@code missingFields}, {@code originalLeadId}; {@code receivedEventId} and
 * {@code receivedReason} for its {@code received} history step), the decision ({@code state},
 * {@code eligibleCommandeIds}, {@code reason}, {@code exclusions}) with its {@code routed} event (its {@code routed}
 * step, at {@code at}, and its outbox), consent-aware routing's steps and the quality tier of its campaign.
 */
public record RoutedLead(
        LeadData lead,
        String intakeStatus,
        List<String> missingFields,
        String originalLeadId,
        String receivedEventId,
        String receivedReason,
        String state,
        List<String> eligibleCommandeIds,
        String reason,
        List<Exclusion> exclusions,
        Envelope<LeadRouted> routed,
        Instant at,
        List<ConsentHistory.Step> consentSteps,
        String qualityTier) {}
