package fr.rdz.delivery.outcome.domain;

import fr.rdz.events.DeliveryOutcome;
import fr.rdz.events.OutcomeStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * One channel's reported outcome for one lead: the state it means, the channel's own status and
 * reason, when the channel reported it, after how many attempts, and the id of the event that said
 * so (the event that currently stands, see {@link OutcomePrecedence}).
 */
public record ChannelOutcome(
        ChannelState state, OutcomeStatus status, String reason, Instant at, int attempts, String eventId) {

    public ChannelOutcome {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(eventId, "eventId");
    }

    /** What an event says about each of its leads; {@code receivedAt} stands in for a missing {@code at}. */
    public static ChannelOutcome of(String eventId, DeliveryOutcome outcome, Instant receivedAt) {
        return new ChannelOutcome(
                ChannelState.of(outcome.status()),
                outcome.status(),
                outcome.reason(),
                outcome.at() == null ? receivedAt : outcome.at(),
                outcome.attempts(),
                eventId);
    }
}
