package fr.rdz.notifier.email.application;

import fr.rdz.events.DeliveryOutcome;
import fr.rdz.events.DeliveryPlanned;
import fr.rdz.events.LeadData;
import fr.rdz.events.LinkingConsentProof;
import fr.rdz.events.OutcomeChannel;
import fr.rdz.events.OutcomeStatus;
import fr.rdz.events.PlannedLead;
import fr.rdz.notifier.email.domain.BatchCsv;
import fr.rdz.notifier.email.domain.BatchMail;
import fr.rdz.notifier.email.domain.ConsentProofCsv;
import fr.rdz.notifier.email.domain.CsvFileNameRule;
import fr.rdz.notifier.email.domain.CsvFormat;
import fr.rdz.notifier.email.domain.FailureReason;
import fr.rdz.notifier.email.domain.MailSummary;
import fr.rdz.notifier.email.domain.OncePerBatchRule;
import fr.rdz.notifier.email.domain.SentMail;
import fr.rdz.notifier.email.domain.WithdrawalNotice;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the CSV e-mail of a batch (spec §6.1) exactly once: composes it in the entity's format and
 * template, claims the batch's sent-mail record, hands it to the entity's SMTP account, records
 * the result and publishes the {@code DeliveryOutcome}. A failure is thrown back to the caller
 * (the Kafka retry topics) after being recorded; the last one ends in {@link #deadLettered}.
 */
public class SendingBatchEmail {

    private static final Logger log = LoggerFactory.getLogger(SendingBatchEmail.class);

    private final SentMails sentMails;
    private final MailRenderer renderer;
    private final BatchMailer mailer;
    private final OutcomePublisher outcomes;
    private final Clock clock;
    private final Duration lease;
    private final LinkingConsentProof proofLinks;
    private final WithdrawalNotices notices;
    private final ConsentWithdrawals withdrawals;

    /** The reason of the outcome of the leads left out because their person withdrew their consent. */
    public static final String WITHDRAWN = "consent withdrawn: not e-mailed";

    public SendingBatchEmail(
            SentMails sentMails,
            MailRenderer renderer,
            BatchMailer mailer,
            OutcomePublisher outcomes,
            Clock clock,
            Duration lease,
            LinkingConsentProof proofLinks,
            WithdrawalNotices notices) {
        this(sentMails, renderer, mailer, outcomes, clock, lease, proofLinks, notices, ConsentWithdrawals.NONE);
    }

    public SendingBatchEmail(
            SentMails sentMails,
            MailRenderer renderer,
            BatchMailer mailer,
            OutcomePublisher outcomes,
            Clock clock,
            Duration lease,
            LinkingConsentProof proofLinks,
            WithdrawalNotices notices,
            ConsentWithdrawals withdrawals) {
        this.proofLinks = proofLinks;
        this.notices = notices;
        this.withdrawals = withdrawals;
        this.sentMails = sentMails;
        this.renderer = renderer;
        this.mailer = mailer;
        this.outcomes = outcomes;
        this.clock = clock;
        this.lease = lease;
    }

    /** Whether this channel has anything to do with the batch. */
    public static boolean concerns(DeliveryPlanned batch) {
        return batch.client() != null
                && batch.client().deliveryChannel() != null
                && batch.client().deliveryChannel().byEmail()
                && batch.leads() != null
                && !batch.leads().isEmpty();
    }

    /**
     * One delivery of the batch's event.
     *
     * @param willBeRetried whether a failure of this attempt goes to a retry topic (then a
     *     {@code retrying} outcome is published) or to the dead-letter topic
     */
    public void send(DeliveryPlanned planned, boolean willBeRetried) {
        if (!concerns(planned)) {
            log.debug("batch {}: not an e-mail batch, ignored", planned.batchId());
            return;
        }
        DeliveryPlanned batch = planned;
        SentMail record = sentMails.find(batch.batchId());
        Instant now = clock.instant();
        OncePerBatchRule.Decision decision = OncePerBatchRule.decide(record, now);
        switch (decision) {
            case SKIP_ALREADY_SENT -> {
                log.info("batch {}: e-mail already sent, redelivery ignored", batch.batchId());
                return;
            }
            case PUBLISH_MISSING_OUTCOME -> {
                log.info("batch {}: e-mail already sent, publishing its outcome again", batch.batchId());
                publish(record.outcomeEventId(), outcome(batch, OutcomeStatus.SENT, null, record.attempts()));
                return;
            }
            case WAIT_IN_PROGRESS -> throw new BatchInProgress(batch.batchId());
            case RESEND_AFTER_LOST_ATTEMPT ->
                log.warn(
                        "batch {}: attempt {} died while sending; sending again with the same Message-ID",
                        batch.batchId(),
                        record.attempts());
            case SEND -> {}
        }
        // only what is still to send: a lead whose person withdrew since the batch was planned is left out
        batch = withoutWithdrawn(planned, true);
        if (!concerns(batch)) {
            log.info("batch {}: every lead's person withdrew their consent, no e-mail", planned.batchId());
            return;
        }
        List<WithdrawalNotice> told = notices.pending(batch.client().id());
        BatchMail mail = compose(batch, told);
        int attempt = sentMails.claim(batch, record, mail.messageId(), now, now.plus(lease));
        try {
            mailer.send(mail);
        } catch (RuntimeException e) {
            String reason = FailureReason.of(e);
            log.warn("batch {}: attempt {} failed: {}", batch.batchId(), attempt, reason);
            sentMails.markFailed(batch.batchId(), reason, clock.instant());
            if (willBeRetried && !(e instanceof PermanentMailFailure)) {
                publishQuietly(outcome(batch, OutcomeStatus.RETRYING, reason, attempt));
            }
            throw e;
        }
        UUID outcomeEventId = UUID.randomUUID();
        sentMails.markSent(batch.batchId(), clock.instant(), outcomeEventId);
        // a crash before this line tells them again in the next e-mail: told twice, never lost
        notices.told(batch.client().id(), told);
        log.info("batch {}: {} sent (attempt {})", batch.batchId(), mail, attempt);
        publish(outcomeEventId, outcome(batch, OutcomeStatus.SENT, null, attempt));
    }

    /** The batch's event reached the dead-letter topic: record it and report it, nothing is lost. */
    public void deadLettered(DeliveryPlanned planned, String reason) {
        if (!concerns(planned)) {
            return;
        }
        DeliveryPlanned batch = withoutWithdrawn(planned, false);
        if (!concerns(batch)) {
            return;
        }
        SentMail record = sentMails.find(batch.batchId());
        if (OncePerBatchRule.decide(record, clock.instant()) == OncePerBatchRule.Decision.SKIP_ALREADY_SENT) {
            return;
        }
        if (record != null && record.state() == fr.rdz.notifier.email.domain.SentMailState.SENT) {
            // sent, only the outcome was never acknowledged: report it as sent
            publish(record.outcomeEventId(), outcome(batch, OutcomeStatus.SENT, null, record.attempts()));
            return;
        }
        String cleanReason = FailureReason.clean(reason == null ? "unknown" : reason);
        SentMail dead = sentMails.markDeadLettered(batch, cleanReason, clock.instant(), UUID.randomUUID());
        log.error("batch {}: dead-lettered after {} attempt(s): {}", batch.batchId(), dead.attempts(), cleanReason);
        publish(dead.outcomeEventId(), outcome(batch, OutcomeStatus.DEAD_LETTERED, cleanReason, dead.attempts()));
    }

    /**
     * The e-mail of a batch: CSV in the entity's format, the entity's templates, a Message-ID fixed by the batch,
     * and the proof-of-consent CSV beside it (signed links valid from now).
     */
    public BatchMail compose(DeliveryPlanned batch) {
        return compose(batch, List.of());
    }

    /** The e-mail of a batch telling the client, after the template's text, the withdrawals of consent in {@code told}. */
    public BatchMail compose(DeliveryPlanned batch, List<WithdrawalNotice> told) {
        List<String> to = batch.client().emails() == null
                ? List.of()
                : batch.client().emails().stream()
                        .filter(address -> address != null && !address.isBlank())
                        .map(String::trim)
                        .distinct()
                        .toList();
        if (to.isEmpty()) {
            throw new PermanentMailFailure("client " + batch.client().id() + " has no delivery e-mail address");
        }
        String fileName = CsvFileNameRule.fileName(
                batch.entity(),
                batch.product(),
                batch.client().name(),
                batch.client().id(),
                batch.runDate());
        List<LeadData> leads = batch.leads().stream().map(PlannedLead::lead).toList();
        byte[] csv = BatchCsv.write(CsvFormat.of(batch.entity()), leads);
        MailRenderer.RenderedMail rendered = renderer.render(batch.entity(), MailSummary.of(batch, fileName));
        return new BatchMail(
                batch.batchId(),
                batch.entity(),
                to,
                rendered.subject(),
                rendered.textBody() + WithdrawalNotice.text(told),
                WithdrawalNotice.appendHtml(rendered.htmlBody(), told),
                fileName,
                csv,
                messageId(batch),
                ConsentProofCsv.fileName(fileName),
                ConsentProofCsv.write(leads, proofLinks::urlFor));
    }

    /**
     * The batch without the leads whose person withdrew their consent after it was planned (the same
     * batch when there is none). {@code report}: their {@code failed} outcome is published, with an
     * event id fixed by the batch and those leads, so a redelivery reports nothing new.
     */
    private DeliveryPlanned withoutWithdrawn(DeliveryPlanned batch, boolean report) {
        Set<String> withdrawn = withdrawals.withdrawnAmong(batch.leads().stream()
                .map(l -> l.lead().phone())
                .filter(p -> p != null && !p.isBlank())
                .toList());
        if (withdrawn.isEmpty()) {
            return batch;
        }
        List<PlannedLead> kept = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (PlannedLead l : batch.leads()) {
            if (withdrawn.contains(l.lead().phone())) {
                leftOut.add(l.lead().leadId());
            } else {
                kept.add(l);
            }
        }
        if (report) {
            log.info(
                    "batch {}: {} lead(s) left out, their person withdrew their consent",
                    batch.batchId(),
                    leftOut.size());
            UUID eventId =
                    UUID.nameUUIDFromBytes(("consent-withdrawn:" + batch.batchId() + ":" + String.join(",", leftOut))
                            .getBytes(StandardCharsets.UTF_8));
            outcomes.publish(
                    eventId,
                    new DeliveryOutcome(
                            batch.batchId(),
                            batch.runId(),
                            batch.entity(),
                            batch.client().id(),
                            OutcomeChannel.EMAIL,
                            leftOut,
                            OutcomeStatus.FAILED,
                            WITHDRAWN,
                            0,
                            clock.instant()));
        }
        return new DeliveryPlanned(
                batch.batchId(),
                batch.runId(),
                batch.runDate(),
                batch.entity(),
                batch.product(),
                batch.commandeId(),
                batch.client(),
                kept,
                batch.part(),
                batch.parts(),
                batch.batchLeadCount() == null ? null : batch.batchLeadCount() - leftOut.size());
    }

    static String messageId(DeliveryPlanned batch) {
        return "<batch." + batch.batchId().replaceAll("[^A-Za-z0-9.-]", "-") + "@notifier.rdz>";
    }

    private void publish(UUID eventId, DeliveryOutcome outcome) {
        outcomes.publish(eventId, outcome);
        sentMails.markOutcomePublished(outcome.batchId());
    }

    private void publishQuietly(DeliveryOutcome outcome) {
        try {
            outcomes.publish(UUID.randomUUID(), outcome);
        } catch (RuntimeException e) {
            log.warn("batch {}: could not report the retry: {}", outcome.batchId(), e.getMessage());
        }
    }

    private DeliveryOutcome outcome(DeliveryPlanned batch, OutcomeStatus status, String reason, int attempts) {
        return new DeliveryOutcome(
                batch.batchId(),
                batch.runId(),
                batch.entity(),
                batch.client().id(),
                OutcomeChannel.EMAIL,
                batch.leads().stream().map(l -> l.lead().leadId()).toList(),
                status,
                reason,
                attempts,
                clock.instant());
    }
}
