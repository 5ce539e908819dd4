package fr.rdz.routing.consent.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Which clients a lead's consent lets RDZ hand the lead to (spec §11): only the partners its
 * consent text names, directly or through a named group. A lead without a text version (legacy
 * leads, forms that name no text) or whose version the catalog does not know is not restricted —
 * today's behaviour — and the unknown version is flagged on the lead rather than refused.
 */
public record ConsentCoverage(Set<String> clientIds, String textVersion, boolean unknownVersion, String warning) {

    /** The reason a commande is left out because its client is not covered. */
    public static final String NOT_COVERED = "not_covered_by_consent";

    /** Coverage of a lead whose consent names the given catalog text. */
    public static ConsentCoverage of(ConsentText text) {
        return new ConsentCoverage(Set.copyOf(text.coveredClientIds()), text.version(), false, null);
    }

    /**
     * Coverage of a lead that accepted this text on {@code consentDay} (Paris date): the partners
     * it names, and a warning when the day is outside the text's validity — the restriction still
     * applies (the person saw those partners), the operator is told the page used an expired text.
     */
    public static ConsentCoverage of(ConsentText text, LocalDate consentDay) {
        boolean early = text.validFrom() != null && consentDay != null && consentDay.isBefore(text.validFrom());
        boolean late = text.validUntil() != null && consentDay != null && consentDay.isAfter(text.validUntil());
        String warning = early || late
                ? "consent_text_out_of_validity: " + text.version() + " is valid "
                        + (text.validFrom() == null ? "" : "from " + text.validFrom() + " ")
                        + (text.validUntil() == null ? "" : "until " + text.validUntil() + " ")
                        + "but the consent was given on " + consentDay
                : null;
        return new ConsentCoverage(Set.copyOf(text.coveredClientIds()), text.version(), false, warning);
    }

    /** No catalog text: every client may receive the lead. */
    public static ConsentCoverage unrestricted() {
        return new ConsentCoverage(null, null, false, null);
    }

    /** A version the catalog does not know: stored and flagged, not restricted. */
    public static ConsentCoverage unknown(String version) {
        return new ConsentCoverage(
                null,
                version,
                true,
                "unknown_consent_text_version: " + version
                        + " is not in the catalog (lead kept, no partner restriction applied)");
    }

    public boolean restricted() {
        return clientIds != null;
    }

    public boolean covers(String clientId) {
        return clientIds == null || clientIds.contains(clientId);
    }

    /** The covered client ids as carried by {@code LeadRouted} (null: no restriction), sorted. */
    public List<String> wire() {
        return clientIds == null ? null : clientIds.stream().sorted().toList();
    }
}
