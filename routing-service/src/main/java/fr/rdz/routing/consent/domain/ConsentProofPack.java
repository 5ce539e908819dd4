package fr.rdz.routing.consent.domain;

import java.time.Instant;
import java.util.List;

/**
 * The proof of consent of one lead, as a buyer shows it (spec §11): when the server received the
 * consent, from which IP (the client address under the trusted-proxy rules) and browser, on which
 * page, form and LP, the consent text accepted (version, SHA-256 of its wording, exact wording),
 * the state of each checkbox and the partners the text names. Built only from what was stored
 * with the lead and the immutable catalog text, so the same lead always gives the same pack.
 * {@code withdrawn_at}: when the person withdrew their consent (opposition), if they did.
 */
public record ConsentProofPack(
        String format,
        String leadId,
        String entity,
        String product,
        Instant receivedAt,
        Instant consentedAt,
        String ip,
        String ipRule,
        String userAgent,
        String pageUrl,
        String formCode,
        String lpCode,
        String liaisonCode,
        Text consentText,
        List<Checkbox> checkboxes,
        List<Partner> partners,
        List<Group> partnerGroups,
        Instant withdrawnAt,
        boolean personalDataErased) {

    public static final String FORMAT = "rdz-consent-proof/1";

    /** How intake determines the IP it stores (issue 13's hardened proxy rules). */
    public static final String IP_RULE = "Adresse du client telle que le serveur l'a vue : l'adresse de connexion, ou, "
            + "si la connexion vient d'un proxy de confiance configuré, la première adresse non fiable des en-têtes "
            + "Forwarded / X-Forwarded-For.";

    /**
     * The consent text accepted: {@code known} false when the catalog has no such version (the lead
     * is flagged; the wording is then what the page sent, if anything, and the hash is its own).
     */
    public record Text(String version, String hash, String wording, boolean known) {}

    /** One checkbox of the form and whether the person ticked it. */
    public record Checkbox(String name, String label, Boolean checked) {}

    /** A client named by the text. */
    public record Partner(String clientId, String name) {}

    /** A named group of partners of the text. */
    public record Group(String name, List<String> clientIds) {}
}
