package fr.rdz.intake.tracking.application;

/** Body of {@code POST /public/track/session} (seed {@code SessionData}); every field optional. */
public record SessionRequest(
        String lpCode,
        String formCode,
        String liaisonCode,
        String referrer,
        String userAgent,
        String utmSource,
        String utmMedium,
        String utmCampaign,
        String utmContent,
        String utmTerm,
        String gclid,
        String fbclid) {}
