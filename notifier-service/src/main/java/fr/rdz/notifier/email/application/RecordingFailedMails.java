package fr.rdz.notifier.email.application;

import fr.rdz.events.DeliveryPlanned;
import fr.rdz.notifier.email.domain.SentMail;
import java.time.Instant;
import java.util.UUID;

/**
 * The sent-mail records, which also keep the failed e-mails list up to date: a dead-lettered batch is
 * recorded there with its batch (to replay it), a batch sent later — by an admin replay or a copy of the
 * dead-letter record on the topic — is marked sent there. Decorates the {@link SentMails} of
 * {@link SendingBatchEmail}, whose decisions stay unchanged.
 */
public class RecordingFailedMails implements SentMails {

    private final SentMails sentMails;
    private final FailedMails failedMails;

    public RecordingFailedMails(SentMails sentMails, FailedMails failedMails) {
        this.sentMails = sentMails;
        this.failedMails = failedMails;
    }

    @Override
    public SentMail find(String batchId) {
        return sentMails.find(batchId);
    }

    @Override
    public int claim(DeliveryPlanned batch, SentMail seen, String messageId, Instant now, Instant leaseUntil) {
        return sentMails.claim(batch, seen, messageId, now, leaseUntil);
    }

    @Override
    public void markSent(String batchId, Instant at, UUID outcomeEventId) {
        sentMails.markSent(batchId, at, outcomeEventId);
        failedMails.sent(batchId, at);
    }

    @Override
    public void markFailed(String batchId, String reason, Instant at) {
        sentMails.markFailed(batchId, reason, at);
    }

    @Override
    public SentMail markDeadLettered(DeliveryPlanned batch, String reason, Instant at, UUID outcomeEventId) {
        SentMail dead = sentMails.markDeadLettered(batch, reason, at, outcomeEventId);
        failedMails.deadLettered(batch, reason, dead.attempts(), at);
        return dead;
    }

    @Override
    public void markOutcomePublished(String batchId) {
        sentMails.markOutcomePublished(batchId);
    }
}
