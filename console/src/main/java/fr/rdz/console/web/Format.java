package fr.rdz.console.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Dates and times as French operators read them, in Paris time ({@code fmt} in every page). */
public final class Format {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(PARIS);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** An ISO instant ({@code 2026-11-20T09:30:00Z}) as {@code 20/11/2026 10:30}; a date as {@code 20/11/2026}; else as is. */
    public String when(String iso) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        try {
            return WHEN.format(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            try {
                return DAY.format(LocalDate.parse(iso));
            } catch (DateTimeParseException notADate) {
                return iso;
            }
        }
    }
}
