package fr.rdz.routing.consent.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The fingerprint of a consent wording: SHA-256 of its exact UTF-8 bytes, lower-case hex. */
public final class WordingHash {

    private WordingHash() {}

    public static String of(String wording) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(wording.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
