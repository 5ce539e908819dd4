package fr.rdz.intake.tracking.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The same visitor on the same LP within 30 minutes continues its session (seed {@code /track/session}). */
public final class SessionReuseRule {

    public static final Duration WINDOW = Duration.ofMinutes(30);

    private final Clock clock;

    public SessionReuseRule(Clock clock) {
        this.clock = clock;
    }

    /** Sessions created at or after this instant may be reused. */
    public Instant reusableSince() {
        return clock.instant().minus(WINDOW);
    }
}
