package fr.rdz.notifier.email.application;

import fr.rdz.events.DeliveryPlanned;
import fr.rdz.notifier.email.domain.SentMail;
import java.time.Instant;
import java.util.UUID;

/** The sent-mail records, one per batch id (unique): the memory that makes the e-mail of a batch go out once. */
public interface SentMails {

    /** The record of a batch, or null. */
    SentMail find(String batchId);

    /**
     * Takes the batch for one attempt (state SENDING, lease until {@code leaseUntil}) if its record
     * is still {@code seen} (null: no record yet). Returns the attempt number.
     *
     * @throws BatchInProgress when another attempt changed or created the record first
     */
    int claim(DeliveryPlanned batch, SentMail seen, String messageId, Instant now, Instant leaseUntil);

    /** SMTP accepted the message: SENT, with the id of the outcome event to publish (fixed once). */
    void markSent(String batchId, Instant at, UUID outcomeEventId);

    /** The attempt failed: FAILED with the reason (a retry or a replay may send again). */
    void markFailed(String batchId, String reason, Instant at);

    /**
     * The batch reached the dead-letter topic: FAILED, dead-lettered, reason and outcome event id
     * (creates the record when the batch failed before any attempt). Returns the record.
     */
    SentMail markDeadLettered(DeliveryPlanned batch, String reason, Instant at, UUID outcomeEventId);

    /** The outcome event was acknowledged by the broker. */
    void markOutcomePublished(String batchId);
}
