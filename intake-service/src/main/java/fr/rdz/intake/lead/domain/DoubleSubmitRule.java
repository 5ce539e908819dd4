package fr.rdz.intake.lead.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Anti double-submit (seed {@code duplicate_detector}): the same session and the same phone
 * within 5 seconds is one submission clicked twice. The repeat is answered with the original
 * lead id and is never routed.
 */
public final class DoubleSubmitRule {

    public static final Duration WINDOW = Duration.ofSeconds(5);

    private final Clock clock;

    public DoubleSubmitRule(Clock clock) {
        this.clock = clock;
    }

    /** The key both submissions share; null when there is no session to compare. */
    public static String key(String sessionId, String normalisedPhone) {
        if (sessionId == null || sessionId.isBlank() || normalisedPhone == null) {
            return null;
        }
        return sessionId.strip() + "|" + normalisedPhone;
    }

    /** Whether a first submission made at {@code firstAt} makes a submission now a double submit. */
    public boolean isRepeat(Instant firstAt) {
        return firstAt != null && firstAt.isAfter(windowStart());
    }

    /** Submissions before this instant no longer count. */
    public Instant windowStart() {
        return clock.instant().minus(WINDOW);
    }

    public Instant now() {
        return clock.instant();
    }
}
