package fr.rdz.delivery.planning.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The instant a run for date D "is at": D 09:30 Europe/Paris (spec §5.1, §8). The run sees only
 * leads received before it and deliveries made before it. Windows of N days are calendar days in
 * Paris (same wall-clock time N days earlier), so a DST change never shifts them by an hour.
 */
public final class RunReference {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    public static final LocalTime RUN_TIME = LocalTime.of(9, 30);

    private RunReference() {}

    public static Instant of(LocalDate date) {
        return date.atTime(RUN_TIME).atZone(PARIS).toInstant();
    }

    /** The same Paris wall-clock time {@code days} calendar days before {@code reference}. */
    public static Instant daysBefore(Instant reference, int days) {
        return ZonedDateTime.ofInstant(reference, PARIS).minusDays(days).toInstant();
    }

    /** The date of {@code instant} in Paris. */
    public static LocalDate parisDate(Instant instant) {
        return ZonedDateTime.ofInstant(instant, PARIS).toLocalDate();
    }
}
