package fr.rdz.events;

import java.time.Instant;

/**
 * The proof of prior consent a buyer must be able to show before calling (French law): the
 * consent flag, the consent text (or its version), the page it was given on, from which IP and
 * browser, and when.
 */
public record ConsentProof(
        Boolean rgpdConsent, String consentText, String pageUrl, String ip, String userAgent, Instant consentedAt) {

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
