package fr.rdz.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Business time is Paris time (spec §5.1, §8): a run for date D "is at" D 09:30 Europe/Paris, and a
 * window of N days is N calendar days in Paris — the same wall-clock time N days earlier — so a DST
 * change never shifts a window by an hour.
 */
public final class ParisCalendar {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    public static final LocalTime RUN_TIME = LocalTime.of(9, 30);

    private ParisCalendar() {}

    /** The instant the run of {@code date} is at: D 09:30 Europe/Paris. */
    public static Instant runReference(LocalDate date) {
        return date.atTime(RUN_TIME).atZone(PARIS).toInstant();
    }

    /** The same Paris wall-clock time {@code days} calendar days before {@code instant}. */
    public static Instant daysBefore(Instant instant, int days) {
        return ZonedDateTime.ofInstant(instant, PARIS).minusDays(days).toInstant();
    }

    /** The same Paris wall-clock time {@code days} calendar days after {@code instant}. */
    public static Instant daysAfter(Instant instant, int days) {
        return ZonedDateTime.ofInstant(instant, PARIS).plusDays(days).toInstant();
    }

    /** The Paris date of {@code instant}. */
    public static LocalDate dateOf(Instant instant) {
        return ZonedDateTime.ofInstant(instant, PARIS).toLocalDate();
    }
}
