package fr.rdz.routing.lead.application;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ids that every key of {@code lead_lookup} a search names holds (each word of a name, its form, its LP):
 * the only leads that can match all of them, in the order of the shortest list (oldest stored first).
 */
public final class SharedIds {

    private SharedIds() {}

    public static List<String> of(List<List<String>> lists) {
        List<String> smallest =
                lists.stream().min(Comparator.comparingInt(List::size)).orElse(List.of());
        List<Set<String>> others = lists.stream()
                .filter(l -> l != smallest)
                .map(l -> (Set<String>) new HashSet<>(l))
                .toList();
        if (others.isEmpty()) {
            return smallest;
        }
        return smallest.stream()
                .filter(id -> others.stream().allMatch(o -> o.contains(id)))
                .toList();
    }
}
