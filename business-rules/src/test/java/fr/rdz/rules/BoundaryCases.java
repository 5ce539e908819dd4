package fr.rdz.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The boundary answers every service must give for the shared time rules, whatever its own path
 * (routing's eligibility, delivery's planner). Routing's and delivery's tests run these same cases
 * through their own code; {@link SharedRulesTest} runs them through the rules themselves.
 *
 * <p>Most cases are seen from a winter run ({@link #REFERENCE}); the DST cases from a run three days
 * after the switch to summer time ({@link #AFTER_DST}), where 30 Paris calendar days are one hour
 * shorter than 30 × 24 h.
 */
public final class BoundaryCases {

    /** A winter run's reference: 2026-02-16 09:30 Europe/Paris. */
    public static final Instant REFERENCE = ParisCalendar.runReference(LocalDate.of(2026, 2, 16));

    /** A run three days after the switch to summer time (2026-03-29): 2026-04-01 09:30 Europe/Paris. */
    public static final Instant AFTER_DST = ParisCalendar.runReference(LocalDate.of(2026, 4, 1));

    private BoundaryCases() {}

    /** Whether a delivery to a client at {@code deliveredAt} bars that client at {@code reference}. */
    public record DuplicateCase(String name, Instant deliveredAt, Instant reference, boolean duplicate) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Whether a never-delivered lead received at {@code receivedAt} is Fresh (else LB) at {@code reference}. */
    public record FreshCase(String name, Instant receivedAt, Instant reference, boolean fresh) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Whether a commande valid from {@code startsOn} to {@code endsOn} is in force on {@code day}. */
    public record InForceCase(String name, LocalDate startsOn, LocalDate endsOn, LocalDate day, boolean inForce) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static List<DuplicateCase> duplicateCases() {
        Instant start = ParisCalendar.daysBefore(REFERENCE, 30);
        return List.of(
                new DuplicateCase("delivered exactly 30 Paris days before: duplicate", start, REFERENCE, true),
                new DuplicateCase(
                        "delivered 30 days and one second before: not a duplicate",
                        start.minusSeconds(1),
                        REFERENCE,
                        false),
                new DuplicateCase(
                        "across DST, delivered exactly 30 Paris days before: duplicate",
                        ParisCalendar.daysBefore(AFTER_DST, 30),
                        AFTER_DST,
                        true),
                new DuplicateCase(
                        "across DST, delivered 30 x 24 h before (an hour before the window): not a duplicate",
                        AFTER_DST.minus(Duration.ofDays(30)),
                        AFTER_DST,
                        false),
                new DuplicateCase(
                        "delivered 29 days before: duplicate",
                        ParisCalendar.daysBefore(REFERENCE, 29),
                        REFERENCE,
                        true),
                new DuplicateCase(
                        "delivered 31 days before: not a duplicate",
                        ParisCalendar.daysBefore(REFERENCE, 31),
                        REFERENCE,
                        false));
    }

    public static List<FreshCase> freshCases() {
        Instant start = ParisCalendar.daysBefore(REFERENCE, 8);
        return List.of(
                new FreshCase("received exactly 8 Paris days before: Fresh", start, REFERENCE, true),
                new FreshCase("received 8 days and one second before: LB", start.minusSeconds(1), REFERENCE, false),
                new FreshCase("received one minute before the run: Fresh", REFERENCE.minusSeconds(60), REFERENCE, true),
                new FreshCase("received 9 days before: LB", ParisCalendar.daysBefore(REFERENCE, 9), REFERENCE, false),
                new FreshCase(
                        "across DST, received exactly 8 Paris days before: Fresh",
                        ParisCalendar.daysBefore(AFTER_DST, 8),
                        AFTER_DST,
                        true));
    }

    public static List<InForceCase> inForceCases() {
        LocalDate day = ParisCalendar.dateOf(REFERENCE);
        return List.of(
                new InForceCase("starts that day: in force", day, null, day, true),
                new InForceCase("ends that day: in force", null, day, day, true),
                new InForceCase("starts the next day: not in force", day.plusDays(1), null, day, false),
                new InForceCase("ended the day before: not in force", null, day.minusDays(1), day, false),
                new InForceCase("open-ended: in force", null, null, day, true));
    }
}
