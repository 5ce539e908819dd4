package fr.rdz.delivery.outcome.domain;

import java.util.Comparator;

/**
 * Which of two outcomes of one channel for one lead stands. Outcomes arrive at least once and in
 * any order (redeliveries, dead-letter replays), so the rule is a total order and the standing
 * outcome is the greatest one seen — the same whatever the order and however often an event comes:
 *
 * <ol>
 *   <li>an outcome that reached the client ({@code sent}, {@code duplicate}) beats any failure or
 *       retry, earlier or later: a dead-lettered push replayed with success is a success, and a late
 *       or redelivered failure never overwrites a success; between two of them, the first (by
 *       {@code at}) stands;
 *   <li>otherwise the latest (by {@code at}) stands — a replay's {@code retrying} after a
 *       {@code dead_lettered} shows that the lead is being tried again; at the same instant a
 *       failure beats a retry, then more attempts win;
 *   <li>the event id breaks the remaining ties, so that the answer never depends on the order.
 * </ol>
 */
public final class OutcomePrecedence {

    /** Ascending precedence: the greatest outcome stands. */
    public static final Comparator<ChannelOutcome> ORDER = OutcomePrecedence::compare;

    private OutcomePrecedence() {}

    /** The outcome that stands once {@code incoming} is known; {@code current} may be null (nothing yet). */
    public static ChannelOutcome merge(ChannelOutcome current, ChannelOutcome incoming) {
        if (current == null) {
            return incoming;
        }
        if (incoming == null || current.eventId().equals(incoming.eventId())) {
            return current;
        }
        return compare(incoming, current) > 0 ? incoming : current;
    }

    static int compare(ChannelOutcome a, ChannelOutcome b) {
        boolean reachedA = a.state().reached();
        boolean reachedB = b.state().reached();
        if (reachedA != reachedB) {
            return reachedA ? 1 : -1;
        }
        int byTime;
        if (reachedA) {
            byTime = b.at().compareTo(a.at()); // the first success stands
        } else {
            byTime = a.at().compareTo(b.at()); // the latest failure or retry stands
        }
        if (byTime != 0) {
            return byTime;
        }
        int byState = Integer.compare(weight(a.state()), weight(b.state()));
        if (byState != 0) {
            return byState;
        }
        int byAttempts = Integer.compare(a.attempts(), b.attempts());
        if (byAttempts != 0) {
            return byAttempts;
        }
        return a.eventId().compareTo(b.eventId());
    }

    private static int weight(ChannelState state) {
        return switch (state) {
            case PENDING -> 0;
            case RETRYING -> 1;
            case FAILED -> 2;
            case DUPLICATE -> 3;
            case SENT -> 4;
        };
    }
}
