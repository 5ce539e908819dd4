package fr.rdz.crmpush.push.mongo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a phone: how a push ledger entry is found by phone without a second clear copy of the number. */
final class PhoneHash {

    private PhoneHash() {}

    /** The hex SHA-256 of {@code phone}; null for no phone. */
    static String of(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(phone.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
