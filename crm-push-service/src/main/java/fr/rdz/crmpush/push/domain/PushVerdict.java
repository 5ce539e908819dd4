package fr.rdz.crmpush.push.domain;

import fr.rdz.events.OutcomeStatus;

/** What one push attempt means for the lead (seed 000 {@code send_to_crm}). */
public enum PushVerdict {
    /** 201. */
    SUCCESS(OutcomeStatus.SUCCESS, true),
    /** 200 with "doublon" in the answer. */
    DUPLICATE(OutcomeStatus.DUPLICATE, true),
    /** 400. */
    VALIDATION_ERROR(OutcomeStatus.VALIDATION_ERROR, true),
    /** 403. */
    AUTH_ERROR(OutcomeStatus.AUTH_ERROR, true),
    /** Any other answer: final. */
    FAILED(OutcomeStatus.FAILED, true),
    /** 5xx, timeout, connection error, open circuit, in-flight limit: tried again later. */
    RETRY(OutcomeStatus.RETRYING, false);

    private final OutcomeStatus outcome;
    private final boolean fin;

    PushVerdict(OutcomeStatus outcome, boolean fin) {
        this.outcome = outcome;
        this.fin = fin;
    }

    public OutcomeStatus outcome() {
        return outcome;
    }

    /** A final verdict: the lead is never POSTed again for this batch. */
    public boolean isFinal() {
        return fin;
    }
}
