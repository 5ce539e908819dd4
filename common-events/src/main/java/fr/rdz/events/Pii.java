package fr.rdz.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How personal data is shown wherever it may reach a log: all but the last two digits of a phone
 * masked, the local part of an e-mail reduced to its first letter, an API key to its last four
 * characters. Used by the {@code toString()} of every record that carries personal data. A phone
 * that must be recognised later without being kept is kept as its {@link #phoneHash}.
 */
public final class Pii {

    private Pii() {}

    /** {@code 0612345678} → {@code ********78}. */
    public static String maskPhone(String phone) {
        if (phone == null || phone.isEmpty()) {
            return "";
        }
        int keep = Math.min(2, phone.length());
        return "*".repeat(phone.length() - keep) + phone.substring(phone.length() - keep);
    }

    /** {@code eloise.martin@example.fr} → {@code e***@example.fr}. */
    public static String maskEmail(String email) {
        if (email == null || email.isEmpty()) {
            return "";
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }

    /** {@code crm_abcdef123456} → {@code ****3456}; keys shorter than 8 characters are hidden whole. */
    public static String maskSecret(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "";
        }
        return secret.length() < 8 ? "****" : "****" + secret.substring(secret.length() - 4);
    }

    /** {@code 203.0.113.42} → {@code 203.0.113.x}; other forms are hidden whole. */
    public static String maskIp(String ip) {
        if (ip == null || ip.isEmpty()) {
            return "";
        }
        int dot = ip.lastIndexOf('.');
        return dot > 0 && ip.indexOf(':') < 0 ? ip.substring(0, dot) + ".x" : "***";
    }

    /**
     * The hex SHA-256 of a phone: lets a later event or an erasure recognise the number without a
     * clear copy of it (the same value in every service). Null for no phone.
     */
    public static String phoneHash(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(phone.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
