package fr.rdz.delivery.outcome.domain;

import fr.rdz.events.DeliveryOutcome;
import fr.rdz.events.Entity;
import fr.rdz.events.OutcomeChannel;
import fr.rdz.events.OutcomeStatus;
import java.time.Instant;
import java.util.List;

/** Object Mother of the outcome rules: channel outcomes as the channels report them. */
final class OutcomeMother {

    static final Instant T0 = Instant.parse("2030-01-08T08:31:00Z");

    private OutcomeMother() {}

    /** An outcome reported {@code minutes} after T0 by event {@code eventId}. */
    static ChannelOutcome outcome(String eventId, OutcomeStatus status, int minutes, int attempts) {
        return ChannelOutcome.of(
                eventId,
                new DeliveryOutcome(
                        "run-ZR7-2030-01-08:cmd-1",
                        "run-ZR7-2030-01-08",
                        Entity.ZR7,
                        "cl-1",
                        OutcomeChannel.API,
                        List.of("lead-1"),
                        status,
                        status == OutcomeStatus.SUCCESS || status == OutcomeStatus.SENT ? null : "HTTP 503",
                        attempts,
                        T0.plusSeconds(60L * minutes)),
                T0);
    }

    /** The outcome that stands after {@code outcomes} arrived in this order. */
    static ChannelOutcome fold(List<ChannelOutcome> outcomes) {
        ChannelOutcome standing = null;
        for (ChannelOutcome o : outcomes) {
            standing = OutcomePrecedence.merge(standing, o);
        }
        return standing;
    }
}
