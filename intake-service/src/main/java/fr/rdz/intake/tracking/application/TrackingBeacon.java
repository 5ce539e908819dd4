package fr.rdz.intake.tracking.application;

import fr.rdz.intake.tracking.domain.Attribution;

/**
 * A tracking call of a landing page's script ({@code /track/lp-visit}, {@code /track/event}), read leniently: every
 * field is a stripped text, empty when absent.
 */
public record TrackingBeacon(
        String sessionId,
        String eventType,
        String lpCode,
        String formCode,
        String liaisonCode,
        String referrer,
        String userAgent,
        Attribution attribution) {}
