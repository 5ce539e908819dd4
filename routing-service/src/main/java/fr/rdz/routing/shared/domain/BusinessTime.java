package fr.rdz.routing.shared.domain;

import fr.rdz.rules.ParisCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The business runs on Paris time: a lead's day, a commande's validity day and the dashboard's days are Paris dates. */
public final class BusinessTime {

    public static final ZoneId PARIS = ParisCalendar.PARIS;

    private BusinessTime() {}

    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, PARIS);
    }
}
