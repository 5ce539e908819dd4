package fr.rdz.delivery.outcome.domain;

import fr.rdz.events.OutcomeStatus;

/**
 * Where one channel stands for one lead of a batch, from the channels' {@code DeliveryOutcome}s:
 * nothing reported yet, being retried, received by the client ({@code sent}: e-mail accepted by the
 * SMTP server or CRM answer 201; {@code duplicate}: the CRM answered that it already holds the
 * lead), or failed (CRM 400/403/other final answer, or every attempt failed and the record waits in
 * a dead-letter topic, replayable).
 */
public enum ChannelState {
    PENDING,
    RETRYING,
    SENT,
    DUPLICATE,
    FAILED;

    public static ChannelState of(OutcomeStatus status) {
        return switch (status) {
            case SENT, SUCCESS -> SENT;
            case DUPLICATE -> DUPLICATE;
            case RETRYING -> RETRYING;
            case VALIDATION_ERROR, AUTH_ERROR, DEAD_LETTERED, FAILED -> FAILED;
        };
    }

    /** The client holds the lead through this channel: a final answer no failure can take back. */
    public boolean reached() {
        return this == SENT || this == DUPLICATE;
    }
}
