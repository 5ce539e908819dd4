package fr.rdz.events;

import java.time.Instant;

/**
 * The proof of prior consent a buyer must be able to show before calling (French law): the
 * consent flag, the consent text (or its version), the page it was given on, from which IP and
 * browser, and when. {@code consent_text_version} names the catalog consent text (routing's
 * {@code /admin/consent-texts}) the person accepted; null for legacy leads.
 */
public record ConsentProof(
        Boolean rgpdConsent,
        String consentText,
        String pageUrl,
        String ip,
        String userAgent,
        Instant consentedAt,
        String consentTextVersion) {

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
        return Boolean.FALSE.equals(rgpdConsent);
    }

    /** The same proof without what identifies the person (IP, browser): flag, text, page and time stay. */
    public ConsentProof erased() {
        return new ConsentProof(rgpdConsent, consentText, pageUrl, null, null, consentedAt, consentTextVersion);
    }

    @Override
    public String toString() {
        return "ConsentProof[rgpdConsent=" + rgpdConsent + ", consentTextVersion=" + consentTextVersion + ", pageUrl="
                + pageUrl + ", ip=" + Pii.maskIp(ip) + ", consentedAt=" + consentedAt + "]";
    }
}
