package fr.rdz.events;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The format of a lead's public proof-of-consent link ({@code consent_proof_url}): routing serves
 * {@code <base>/public/consent-proofs/<lead_id>?expires=<epoch seconds>&signature=<sig>}, where
 * {@code sig} is the unpadded base64url HMAC-SHA256 of {@code "consent-proof:v1:" + lead_id + ":" +
 * expires} under the shared secret ({@code rdz.crypto.proof-link-secret}). The services that hand
 * the link to a buyer (crm-push, notifier) sign it; routing verifies it. Nothing in the link but
 * the lead id and the expiry: no personal data.
 */
public final class ConsentProofLink {

    public static final String PATH = "/public/consent-proofs/";
    private static final String DOMAIN = "consent-proof:v1:";
    private static final int MIN_SECRET_BYTES = 32;

    /** What a presented link is worth. */
    public enum Check {
        VALID,
        EXPIRED,
        INVALID
    }

    private final SecretKeySpec key;

    public ConsentProofLink(String secret) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("The proof-link secret must hold at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The signature of {@code leadId} valid until {@code expiresAt} (whole seconds). */
    public String signature(String leadId, Instant expiresAt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] raw =
                    mac.doFinal((DOMAIN + leadId + ":" + expiresAt.getEpochSecond()).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    /** The signed link to the pack of {@code leadId} under {@code baseUrl}, valid until {@code expiresAt}. */
    public String url(String baseUrl, String leadId, Instant expiresAt) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + PATH + URLEncoder.encode(leadId, StandardCharsets.UTF_8) + "?expires="
                + expiresAt.getEpochSecond() + "&signature=" + signature(leadId, expiresAt);
    }

    /**
     * Checks a presented link: {@code INVALID} when the signature does not match the lead and expiry
     * (tampered, forged or malformed), else {@code EXPIRED} when {@code now} is past the expiry.
     */
    public Check check(String leadId, String expires, String presented, Instant now) {
        if (leadId == null || expires == null || presented == null) {
            return Check.INVALID;
        }
        long epoch;
        try {
            epoch = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            return Check.INVALID;
        }
        Instant expiresAt = Instant.ofEpochSecond(epoch);
        byte[] expected = signature(leadId, expiresAt).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.US_ASCII))) {
            return Check.INVALID;
        }
        return now.isAfter(expiresAt) ? Check.EXPIRED : Check.VALID;
    }

    @Override
    public String toString() {
        return "ConsentProofLink[secret=***]";
    }
}
