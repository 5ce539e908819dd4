package fr.rdz.crmpush.push.application;

import fr.rdz.events.Entity;
import java.time.Instant;

/**
 * A push that exhausted its attempts and reached the dead-letter topic, kept so an operator can list and replay it.
 * {@code task} is the record value as it was (the API key in it only as ciphertext); it is never shown.
 */
public record DeadLetter(
        String id,
        String batchId,
        String leadId,
        String clientId,
        String clientName,
        Entity entity,
        String phoneMasked,
        String lastError,
        int attempts,
        String status,
        Instant deadLetteredAt,
        Instant replayedAt,
        int replayCount,
        String replayedBy,
        Instant resolvedAt,
        String recordKey,
        String task) {

    public static final String OPEN = "open";
    public static final String REPLAYED = "replayed";
    public static final String RESOLVED = "resolved";
}
