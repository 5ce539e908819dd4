package fr.rdz.delivery.outcome.domain;

import fr.rdz.events.OutcomeChannel;
import fr.rdz.events.OutcomeStatus;
import java.time.Instant;
import java.util.List;

/**
 * One channel of one batch: how many of the batch's leads stand in each state, the batch-level
 * state, the latest report ({@code at}), the status and reason of the latest failure or retry that
 * still stands (else of the latest report), the most attempts any lead took, and the leads that
 * stand failed on this channel.
 */
public record ChannelSummary(
        OutcomeChannel channel,
        State state,
        int sent,
        int duplicate,
        int failed,
        int retrying,
        int pending,
        OutcomeStatus status,
        String reason,
        Instant at,
        int attempts,
        List<String> failedLeadIds) {

    /** The channel's state for the whole batch. */
    public enum State {
        /** A lead has no report yet (and none is being retried). */
        PENDING,
        /** A lead is being retried. */
        RETRYING,
        /** Every lead reached the client (sent, some possibly answered duplicate by the CRM). */
        SENT,
        /** Every lead was answered duplicate by the CRM. */
        DUPLICATE,
        /** Every lead failed. */
        FAILED,
        /** Every lead has a final answer, some failed and some reached the client. */
        PARTIALLY_FAILED;

        static State of(int total, int sent, int duplicate, int failed, int retrying, int pending) {
            if (retrying > 0) {
                return RETRYING;
            }
            if (pending > 0) {
                return PENDING;
            }
            if (failed == total) {
                return FAILED;
            }
            if (failed > 0) {
                return PARTIALLY_FAILED;
            }
            if (duplicate == total) {
                return DUPLICATE;
            }
            return SENT;
        }
    }
}
