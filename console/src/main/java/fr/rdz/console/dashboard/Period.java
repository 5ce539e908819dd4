package fr.rdz.console.dashboard;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;

/**
 * The dashboard's period, in Paris days: {@code hier}, {@code semaine} (Monday to today),
 * {@code 30j}, or {@code plage} with the operator's own {@code from}/{@code to}.
 */
public record Period(String kind, LocalDate from, LocalDate to) {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    public static Period of(String kind, String from, String to, Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(PARIS));
        String k = kind == null || kind.isBlank() ? "semaine" : kind;
        return switch (k) {
            case "hier" -> new Period(k, today.minusDays(1), today.minusDays(1));
            case "30j" -> new Period(k, today.minusDays(29), today);
            case "plage" -> {
                LocalDate f = parse(from, today.minusDays(6));
                LocalDate t = parse(to, today);
                yield f.isAfter(t) ? new Period(k, t, f) : new Period(k, f, t);
            }
            default -> new Period("semaine", today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), today);
        };
    }

    private static LocalDate parse(String text, LocalDate fallback) {
        try {
            return text == null || text.isBlank() ? fallback : LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    private static final java.time.format.DateTimeFormatter FRENCH =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public String label() {
        return switch (kind) {
            case "hier" -> "Hier (" + FRENCH.format(from) + ")";
            case "30j" -> "30 derniers jours";
            case "plage" -> "Du " + FRENCH.format(from) + " au " + FRENCH.format(to);
            default -> "Cette semaine (depuis le " + FRENCH.format(from) + ")";
        };
    }
}
