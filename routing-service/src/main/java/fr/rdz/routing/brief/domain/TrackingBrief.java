package fr.rdz.routing.brief.domain;

/**
 * What an operator pastes into a landing page and a form page to track them with RDZ. Mode A:
 * one LP script and one form script; mode B: one integrated script for a single page holding
 * both. The mini brief carries the GTM snippets, the consent and legal texts and the redirect URL.
 */
public record TrackingBrief(
        String formCode,
        String lpCode,
        String liaisonCode,
        BriefMode mode,
        String intakeUrl,
        String lpScript,
        String formScript,
        String integratedScript,
        MiniBrief miniBrief) {

    /** GTM head/body/conversion snippets, consent and legal texts, where to send the visitor after the form. */
    public record MiniBrief(
            String gtmHead,
            String gtmBody,
            String gtmConversion,
            String consentText,
            String legalText,
            String redirectUrl) {}
}
