package fr.rdz.events;

/** Where the lead came from: session, LP, form, liaison code ({@code <lp_code>_<form_code>}) and first-touch attribution. */
public record LeadSource(
        String sessionId,
        String formCode,
        String lpCode,
        String liaisonCode,
        String utmSource,
        String utmMedium,
        String utmCampaign,
        String utmContent,
        String utmTerm,
        String gclid,
        String fbclid,
        String referrer) {}
