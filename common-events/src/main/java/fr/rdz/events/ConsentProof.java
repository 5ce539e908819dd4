package fr.rdz.events;

import java.time.Instant;

/**
 * The proof of prior consent a buyer must be able to show before calling (French law): the
 * consent flag, the consent text (or its version), the page it was given on, from which IP and
 * browser, and when.
 */
public record ConsentProof(
        Boolean rgpdConsent, String consentText, String pageUrl, String ip, String userAgent, Instant consentedAt) {

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
        return new ConsentProof(rgpdConsent, consentText, pageUrl, null, null, consentedAt);
    }

    @Override
    public String toString() {
        return "ConsentProof[rgpdConsent=" + rgpdConsent + ", pageUrl=" + pageUrl + ", ip=" + Pii.maskIp(ip)
                + ", consentedAt=" + consentedAt + "]";
    }
}
