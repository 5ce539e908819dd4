package fr.rdz.notifier.email.domain;

import java.time.Instant;

/**
 * One e-mail per batch, whatever the number of times its {@code DeliveryPlanned} is delivered:
 * what to do with an event given the batch's sent-mail record.
 *
 * <p>The one window no local record can close is a crash after the SMTP server accepted the
 * message and before the record says {@link SentMailState#SENT}: the record is left
 * {@link SentMailState#SENDING}. When its lease has run out, the batch is sent again
 * ({@link Decision#RESEND_AFTER_LOST_ATTEMPT}), with the same {@code Message-ID} so the copy can be
 * recognised: a batch is never lost, at the price of a possible duplicate in that rare case.
 */
public final class OncePerBatchRule {

    public enum Decision {
        /** No record, or the last attempt failed: claim the batch and send. */
        SEND,
        /** Sent and reported: nothing to do. */
        SKIP_ALREADY_SENT,
        /** Sent, but the outcome event was not acknowledged: publish it (same event id), never resend. */
        PUBLISH_MISSING_OUTCOME,
        /** Another attempt holds a live lease: try again later (retry topic). */
        WAIT_IN_PROGRESS,
        /** An attempt died while sending (lease over): send again, same Message-ID. */
        RESEND_AFTER_LOST_ATTEMPT
    }

    private OncePerBatchRule() {}

    public static Decision decide(SentMail record, Instant now) {
        if (record == null) {
            return Decision.SEND;
        }
        return switch (record.state()) {
            case SENT -> record.outcomePublished() ? Decision.SKIP_ALREADY_SENT : Decision.PUBLISH_MISSING_OUTCOME;
            case FAILED -> Decision.SEND;
            case SENDING ->
                record.leaseUntil() != null && record.leaseUntil().isAfter(now)
                        ? Decision.WAIT_IN_PROGRESS
                        : Decision.RESEND_AFTER_LOST_ATTEMPT;
        };
    }
}
