package fr.rdz.notifier.email.domain;

import java.time.Instant;
import java.util.UUID;

/** The sent-mail record of one batch, as far as the decision to send needs it. */
public record SentMail(
        String batchId,
        SentMailState state,
        int attempts,
        Instant leaseUntil,
        Instant sentAt,
        UUID outcomeEventId,
        boolean outcomePublished,
        boolean deadLettered) {}
