package fr.rdz.notifier.email.application;

import fr.rdz.events.DeliveryPlanned;
import fr.rdz.events.Pii;
import fr.rdz.events.PlannedLead;
import fr.rdz.notifier.email.domain.SentMail;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Before each attempt to send a batch, notes in {@code sent_csvs} whose personal data its CSV will hold (phone
 * hashes, oldest reception), so that the kept CSV ({@link KeepingSentCsv}) is found by an erasure of the person
 * and by the retention limit ({@link ErasingPersonalData}). Decorates the {@link SentMails} of
 * {@link SendingBatchEmail}: the claim is where the batch and the attempt meet; decisions stay unchanged.
 */
public class IndexingSentCsv implements SentMails {

    private final SentMails sentMails;
    private final SentCsvs csvs;

    public IndexingSentCsv(SentMails sentMails, SentCsvs csvs) {
        this.sentMails = sentMails;
        this.csvs = csvs;
    }

    @Override
    public SentMail find(String batchId) {
        return sentMails.find(batchId);
    }

    @Override
    public int claim(DeliveryPlanned batch, SentMail seen, String messageId, Instant now, Instant leaseUntil) {
        int attempt = sentMails.claim(batch, seen, messageId, now, leaseUntil);
        csvs.index(
                batch.batchId(),
                batch.leads().stream()
                        .map(PlannedLead::lead)
                        .map(l -> l.contact() == null ? null : l.contact().phone())
                        .filter(Objects::nonNull)
                        .map(Pii::phoneHash)
                        .distinct()
                        .toList(),
                batch.leads().stream()
                        .map(l -> l.lead().receivedAt())
                        .filter(Objects::nonNull)
                        .min(Instant::compareTo)
                        .orElse(now));
        return attempt;
    }

    @Override
    public void markSent(String batchId, Instant at, UUID outcomeEventId) {
        sentMails.markSent(batchId, at, outcomeEventId);
    }

    @Override
    public void markFailed(String batchId, String reason, Instant at) {
        sentMails.markFailed(batchId, reason, at);
    }

    @Override
    public SentMail markDeadLettered(DeliveryPlanned batch, String reason, Instant at, UUID outcomeEventId) {
        return sentMails.markDeadLettered(batch, reason, at, outcomeEventId);
    }

    @Override
    public void markOutcomePublished(String batchId) {
        sentMails.markOutcomePublished(batchId);
    }
}
