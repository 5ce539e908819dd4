package fr.rdz.notifier.email.application;

import fr.rdz.events.DeliveryPlanned;
import fr.rdz.events.PlannedLead;
import fr.rdz.notifier.email.domain.SentMail;
import fr.rdz.notifier.email.domain.SentMailState;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One e-mail per batch, whatever its size: a batch too big for one Kafka record comes as parts 1…n
 * (same batch id); each part is kept ({@link BatchParts}, unique by batch id + part, so a redelivered
 * part changes nothing) and, once every part is there, the whole batch — every lead, in part order —
 * goes to {@link SendingBatchEmail}, which sends it once. Parts arrive in order on one partition (keyed
 * by client), so the last one normally completes the batch; a part that went through the retry topics
 * completes it when it comes back. The parts are forgotten once the e-mail is sent and reported. A
 * whole batch (one event without part fields) goes straight to the e-mail.
 */
public class AssemblingBatchParts {

    private static final Logger log = LoggerFactory.getLogger(AssemblingBatchParts.class);

    private final BatchParts parts;
    private final SentMails sentMails;
    private final SendingBatchEmail sending;

    public AssemblingBatchParts(BatchParts parts, SentMails sentMails, SendingBatchEmail sending) {
        this.parts = parts;
        this.sentMails = sentMails;
        this.sending = sending;
    }

    /** One delivery of a DeliveryPlanned (a whole batch or one of its parts); see {@link SendingBatchEmail#send}. */
    public void receive(DeliveryPlanned event, boolean willBeRetried) {
        if (event.partCount() <= 1) {
            sending.send(event, willBeRetried);
            return;
        }
        if (!SendingBatchEmail.concerns(event)) {
            log.debug("batch {}: not an e-mail batch, part {} ignored", event.batchId(), event.partNumber());
            return;
        }
        if (reported(sentMails.find(event.batchId()))) {
            log.info(
                    "batch {}: e-mail already sent and reported, part {}/{} ignored",
                    event.batchId(),
                    event.partNumber(),
                    event.partCount());
            return;
        }
        parts.store(event);
        DeliveryPlanned whole = assembled(event);
        if (whole == null) {
            return;
        }
        sending.send(whole, willBeRetried);
        if (reported(sentMails.find(event.batchId()))) {
            parts.delete(event.batchId(), event.partCount());
        }
    }

    /** A part reached the dead-letter topic: the batch is reported dead-lettered with every lead known so far. */
    public void deadLettered(DeliveryPlanned event, String reason) {
        if (event.partCount() <= 1 || !SendingBatchEmail.concerns(event)) {
            sending.deadLettered(event, reason);
            return;
        }
        List<DeliveryPlanned> stored = parts.find(event.batchId(), event.partCount());
        List<PlannedLead> leads = new ArrayList<>();
        boolean seen = false;
        for (DeliveryPlanned part : stored) {
            seen |= part.partNumber() == event.partNumber();
            leads.addAll(part.leads());
        }
        if (!seen) {
            leads.addAll(event.leads());
        }
        sending.deadLettered(event.whole(leads), reason);
    }

    /** The whole batch once every part is stored, null while some are missing. */
    private DeliveryPlanned assembled(DeliveryPlanned event) {
        List<DeliveryPlanned> stored = parts.find(event.batchId(), event.partCount());
        if (stored.size() < event.partCount()) {
            log.info(
                    "batch {}: part {}/{} kept, {} part(s) still to come",
                    event.batchId(),
                    event.partNumber(),
                    event.partCount(),
                    event.partCount() - stored.size());
            return null;
        }
        List<PlannedLead> leads = new ArrayList<>(event.wholeBatchLeadCount());
        stored.forEach(part -> leads.addAll(part.leads()));
        if (leads.size() != event.wholeBatchLeadCount()) {
            throw new IllegalStateException("batch " + event.batchId() + ": its " + event.partCount() + " parts hold "
                    + leads.size() + " leads, not " + event.wholeBatchLeadCount());
        }
        log.info("batch {}: all {} parts received, {} leads", event.batchId(), event.partCount(), leads.size());
        return event.whole(leads);
    }

    private static boolean reported(SentMail record) {
        return record != null && record.state() == SentMailState.SENT && record.outcomePublished();
    }
}
