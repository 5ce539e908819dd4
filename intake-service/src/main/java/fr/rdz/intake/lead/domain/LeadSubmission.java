package fr.rdz.intake.lead.domain;

import fr.rdz.events.Pii;

/**
 * What a landing page posts to {@code POST /public/leads} (seed 000 {@code LeadData} plus
 * {@code code_postal}, {@code page_url} and {@code consent_text}/{@code consent_version}, and
 * {@code consent_text_version}: the catalog consent text the person accepted), also the
 * shape of an imported original lead. Every field is optional here: the rules decide the status.
 * {@code submissionId} is the client's id of one form submission, the same on each retry of it.
 */
public record LeadSubmission(
        String sessionId,
        String formCode,
        String phone,
        String nom,
        String prenom,
        String civilite,
        String email,
        String departement,
        String codePostal,
        String ville,
        String adresse,
        String typeLogement,
        String statutOccupant,
        String surfaceHabitable,
        String anneeConstruction,
        String typeChauffage,
        String factureElectricite,
        String factureChauffage,
        String typeProjet,
        String delaiProjet,
        String budget,
        Boolean rgpdConsent,
        Boolean newsletter,
        String lpCode,
        String liaisonCode,
        String utmSource,
        String utmMedium,
        String utmCampaign,
        String utmContent,
        String utmTerm,
        String gclid,
        String fbclid,
        String referrer,
        String pageUrl,
        String consentText,
        String consentVersion,
        String submissionId,
        String consentTextVersion) {

    /**
     * The shape of a lead: an object naming at least a form or a phone. Anything else (an empty
     * object, a stray payload) is no lead at all and goes to quarantine; a lead missing only some
     * required fields is stored as {@code missing_required} or {@code orphan}.
     */
    public boolean identifiesALead() {
        return (formCode != null && !formCode.isBlank()) || (phone != null && !phone.isBlank());
    }

    @Override
    public String toString() {
        return "LeadSubmission[sessionId=" + sessionId + ", formCode=" + formCode + ", phone=" + Pii.maskPhone(phone)
                + ", email=" + Pii.maskEmail(email) + ", departement=" + departement + "]";
    }
}
