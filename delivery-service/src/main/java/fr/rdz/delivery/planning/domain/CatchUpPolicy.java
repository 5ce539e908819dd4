package fr.rdz.delivery.planning.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Which run a starting instance catches up: today's (Paris) run once its 09:30 has passed. Earlier
 * missed days are not delivered late automatically: their leads stay in the pool and go out in
 * today's run (still Fresh for 8 days), and the weekly pacing spreads the quota over the days left.
 * An operator may still run a past date by hand ({@code POST /admin/runs}).
 */
public final class CatchUpPolicy {

    private CatchUpPolicy() {}

    public static Optional<LocalDate> dateToCatchUp(Instant now) {
        LocalDate today = RunReference.parisDate(now);
        return now.isBefore(RunReference.of(today)) ? Optional.empty() : Optional.of(today);
    }
}
