package fr.rdz.routing.catalog.domain;

import fr.rdz.routing.shared.domain.InvalidInput;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The départements a commande may list: metropolitan {@code 01}…{@code 95} (Corsica as {@code 2A}
 * and {@code 2B}, never {@code 20}), or {@code *} alone for all of them.
 */
public final class Departements {

    public static final String ALL = "*";

    private static final String FIELD = "departements";

    private static final Set<String> KNOWN = known();

    private Departements() {}

    public static boolean isKnown(String departement) {
        return departement != null && KNOWN.contains(departement);
    }

    /**
     * The list as stored (trimmed, upper-cased, single digits padded, without repeats), or an empty
     * list with the reason added to {@code errors} under {@code departements}.
     */
    public static List<String> normalised(List<String> departements, InvalidInput.Collector errors) {
        if (departements == null || departements.isEmpty()) {
            errors.add(FIELD, "departements must list at least one département, or [\"*\"] for all");
            return List.of();
        }
        LinkedHashSet<String> normalised = new LinkedHashSet<>();
        for (String raw : departements) {
            String d = raw == null ? "" : raw.trim().toUpperCase();
            if (d.length() == 1 && Character.isDigit(d.charAt(0))) {
                d = "0" + d;
            }
            if (!d.equals(ALL) && !KNOWN.contains(d)) {
                errors.add(FIELD, "unknown département: '" + raw + "' (expected 01 to 95, 2A, 2B, or \"*\" for all)");
                return List.of();
            }
            normalised.add(d);
        }
        if (normalised.contains(ALL) && normalised.size() > 1) {
            errors.add(FIELD, "departements: \"*\" means all and cannot be combined with other values");
            return List.of();
        }
        return new ArrayList<>(normalised);
    }

    private static Set<String> known() {
        Set<String> all = new LinkedHashSet<>();
        for (int i = 1; i <= 95; i++) {
            if (i != 20) {
                all.add(String.format("%02d", i));
            }
        }
        all.add("2A");
        all.add("2B");
        return Set.copyOf(all);
    }
}
