package fr.rdz.events;

import java.time.Instant;

/**
 * The proof of prior consent a buyer must be able to show before calling (French law): the
 * consent flag, the consent text (or its version), the page it was given on, from which IP and
 * browser, and when. {@code consent_text_version} names the catalog consent text (routing's
 * {@code /admin/consent-texts}) the person accepted; null for legacy leads.
 *
 * <p>Added in v1 (optional, null when unknown): {@code consent_text_hash}, the SHA-256 of the
 * catalog wording of that version (routing completes it when it routes the lead), and
 * {@code withdrawn_at}, when the person withdrew their consent (opposition): from then on the lead
 * is treated as refused and never delivered again.
 */
public record ConsentProof(
        Boolean rgpdConsent,
        String consentText,
        String pageUrl,
        String ip,
        String userAgent,
        Instant consentedAt,
        String consentTextVersion,
        String consentTextHash,
        Instant withdrawnAt) {

    /** A proof without hash nor withdrawal (the v1 shape before they existed). */
    public ConsentProof(
            Boolean rgpdConsent,
            String consentText,
            String pageUrl,
            String ip,
            String userAgent,
            Instant consentedAt,
            String consentTextVersion) {
        this(rgpdConsent, consentText, pageUrl, ip, userAgent, consentedAt, consentTextVersion, null, null);
    }

    /** A proof without a consent text version (legacy leads, forms without a catalog text). */
    public ConsentProof(
            Boolean rgpdConsent, String consentText, String pageUrl, String ip, String userAgent, Instant consentedAt) {
        this(rgpdConsent, consentText, pageUrl, ip, userAgent, consentedAt, null);
    }

    /**
     * The person explicitly refused to be canvassed ({@code rgpd_consent: false}): such a lead is
     * never delivered (spec §11; French law forbids calling without prior consent). A proof without
     * the flag is not a refusal here: intake records a missing flag as given.
     */
    public boolean refused() {
        return Boolean.FALSE.equals(rgpdConsent) || withdrawnAt != null;
    }

    /** Whether the person withdrew a consent they had given (opposition after collection). */
    public boolean withdrawn() {
        return withdrawnAt != null;
    }

    /** The same proof with the given text version and the hash of its catalog wording. */
    public ConsentProof withText(String version, String hash) {
        return new ConsentProof(
                rgpdConsent, consentText, pageUrl, ip, userAgent, consentedAt, version, hash, withdrawnAt);
    }

    /** The same proof, withdrawn at {@code at} (a proof already withdrawn keeps its first date). */
    public ConsentProof withdrawnAt(Instant at) {
        return new ConsentProof(
                rgpdConsent,
                consentText,
                pageUrl,
                ip,
                userAgent,
                consentedAt,
                consentTextVersion,
                consentTextHash,
                withdrawnAt != null ? withdrawnAt : at);
    }

    /** The same proof without what identifies the person (IP, browser): flag, text, page and time stay. */
    public ConsentProof erased() {
        return new ConsentProof(
                rgpdConsent,
                consentText,
                pageUrl,
                null,
                null,
                consentedAt,
                consentTextVersion,
                consentTextHash,
                withdrawnAt);
    }

    @Override
    public String toString() {
        return "ConsentProof[rgpdConsent=" + rgpdConsent + ", consentTextVersion=" + consentTextVersion + ", pageUrl="
                + pageUrl + ", ip=" + Pii.maskIp(ip) + ", consentedAt=" + consentedAt + ", withdrawnAt=" + withdrawnAt
                + "]";
    }
}
