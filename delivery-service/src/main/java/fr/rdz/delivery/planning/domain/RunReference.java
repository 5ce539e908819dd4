package fr.rdz.delivery.planning.domain;

import fr.rdz.rules.ParisCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The instant a run for date D "is at": D 09:30 Europe/Paris (spec §5.1, §8). The run sees only
 * leads received before it and deliveries made before it. Windows of N days are calendar days in
 * Paris (same wall-clock time N days earlier), so a DST change never shifts them by an hour — the
 * shared {@link ParisCalendar}, which routing uses too.
 */
public final class RunReference {

    public static final ZoneId PARIS = ParisCalendar.PARIS;
    public static final LocalTime RUN_TIME = ParisCalendar.RUN_TIME;

    private RunReference() {}

    public static Instant of(LocalDate date) {
        return ParisCalendar.runReference(date);
    }

    /** The same Paris wall-clock time {@code days} calendar days before {@code reference}. */
    public static Instant daysBefore(Instant reference, int days) {
        return ParisCalendar.daysBefore(reference, days);
    }

    /** The date of {@code instant} in Paris. */
    public static LocalDate parisDate(Instant instant) {
        return ParisCalendar.dateOf(instant);
    }
}
