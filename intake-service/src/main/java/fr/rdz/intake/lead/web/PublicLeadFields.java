package fr.rdz.intake.lead.web;

import fr.rdz.intake.inbound.web.JsonFields;
import java.util.regex.Pattern;

/**
 * The bounds of a posted lead (issue 13 §10): every text field has a length limit, consent and
 * newsletter are strict booleans, the client submission id is a short token. Longer than any real
 * answer of a landing-page form; a body breaking one is refused whole (400, every field listed) and
 * kept in quarantine. The e-mail's form is checked by {@code EmailRule}: a bad one is stored with a
 * warning, not refused.
 */
final class PublicLeadFields {

    static final Pattern SUBMISSION_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private PublicLeadFields() {}

    static JsonFields rules() {
        return new JsonFields()
                .text(100, "session_id", "form_code", "lp_code", "consent_version", "consent_text_version")
                .text(201, "liaison_code")
                .text(40, "phone", "departement")
                .text(20, "civilite", "code_postal")
                .text(100, "nom", "prenom", "ville")
                .text(254, "email")
                .text(255, "adresse")
                .text(
                        100,
                        "type_logement",
                        "statut_occupant",
                        "surface_habitable",
                        "annee_construction",
                        "type_chauffage",
                        "facture_electricite",
                        "facture_chauffage",
                        "type_projet",
                        "delai_projet",
                        "budget")
                .text(255, "utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term")
                .text(512, "gclid", "fbclid")
                .text(2048, "referrer", "page_url")
                .text(4000, "consent_text")
                .identifier(
                        "submission_id",
                        64,
                        SUBMISSION_ID,
                        "identifiant de soumission invalide (8 à 64 lettres, chiffres, - ou _)")
                .bool("rgpd_consent", "newsletter");
    }
}
