package fr.rdz.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * A commande in force on a day (spec §5.2): active and within its validity period, {@code starts_on}
 * ≤ D ≤ {@code ends_on} (both included, open-ended when null); commandes in force are served by
 * {@code priority} (lower first), then creation time (unknown last), then id.
 */
public final class CommandeInForce {

    private CommandeInForce() {}

    public static boolean on(LocalDate day, boolean active, LocalDate startsOn, LocalDate endsOn) {
        return active && (startsOn == null || !day.isBefore(startsOn)) && (endsOn == null || !day.isAfter(endsOn));
    }

    /** The order commandes are served in, for any type that knows its priority, creation time and id. */
    public static <C> Comparator<C> serviceOrder(
            ToIntFunction<C> priority, Function<C, Instant> createdAt, Function<C, String> id) {
        return Comparator.comparingInt(priority)
                .thenComparing(c -> createdAt.apply(c) == null ? Instant.MAX : createdAt.apply(c))
                .thenComparing(id);
    }
}
