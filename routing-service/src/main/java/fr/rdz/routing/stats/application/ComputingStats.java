package fr.rdz.routing.stats.application;

import fr.rdz.events.Entity;
import fr.rdz.kit.Operator;
import fr.rdz.routing.shared.application.Scope;
import fr.rdz.routing.shared.domain.BusinessTime;
import fr.rdz.routing.shared.domain.RequestRejected;
import fr.rdz.routing.stats.domain.Figure;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Dashboard figures (spec §7) per day and entity, grouped by one dimension, summed from the
 * per-entity-day roll-ups of the anonymous figures recorded for each fact ({@link
 * FigureRollups}) — never by loading leads nor scanning the figures.
 */
@Service
public class ComputingStats {

    /** The answer: the filter applied, one row per group and the totals. */
    public record Stats(
            Entity entity,
            LocalDate from,
            LocalDate to,
            String groupBy,
            List<Map<String, Object>> rows,
            Map<String, Long> totals) {}

    private static final int MAX_DAYS = 366;

    private final FigureRollups figures;
    private final Clock clock;

    public ComputingStats(FigureRollups figures, Clock clock) {
        this.figures = figures;
        this.clock = clock;
    }

    public Mono<Stats> compute(Operator operator, Entity entity, String fromText, String toText, String groupBy) {
        return compute(operator, entity, fromText, toText, groupBy, Map.of());
    }

    /**
     * {@code filters}: query parameter (one of {@link Figure#FILTERS}) → value; each keeps only the
     * figures recorded with that value (client/commande: client-level facts only).
     */
    public Mono<Stats> compute(
            Operator operator,
            Entity entity,
            String fromText,
            String toText,
            String groupBy,
            Map<String, String> filters) {
        String group =
                groupBy == null || groupBy.isBlank() ? "day" : groupBy.trim().toLowerCase();
        Map<String, String> dimensions = new LinkedHashMap<>();
        for (String name : group.split(",")) {
            String field = Figure.GROUPS.get(name.trim());
            if (field == null) {
                throw RequestRejected.invalid("group_by must be one or more (comma-separated) of "
                        + String.join(
                                ", ", Figure.GROUPS.keySet().stream().sorted().toList()));
            }
            dimensions.put(name.trim(), field);
        }
        LocalDate today = BusinessTime.dayOf(clock.instant());
        LocalDate to = day(toText, today, "to");
        LocalDate from = day(fromText, to.minusDays(29), "from");
        if (from.isAfter(to)) {
            throw RequestRejected.invalid("from (" + from + ") is after to (" + to + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw RequestRejected.invalid("the date range may cover at most " + MAX_DAYS + " days");
        }
        Scope.EntityFilter filter = Scope.filter(operator, entity);
        Entity shown = filter.none() ? entity : filter.entity();
        if (filter.none()) {
            return Mono.just(new Stats(shown, from, to, group, List.of(), totals(List.of())));
        }
        Map<String, String> match = new LinkedHashMap<>();
        filters.forEach((name, value) -> {
            String field = Figure.FILTERS.get(name);
            if (field == null) {
                throw RequestRejected.invalid("unknown filter " + name);
            }
            match.put(field, "product".equals(name) ? value.toUpperCase() : value);
        });
        List<String> days =
                from.datesUntil(to.plusDays(1)).map(LocalDate::toString).toList();
        List<String> entities = new ArrayList<>();
        if (filter.entity() != null) {
            entities.add(filter.entity().name());
        } else {
            Arrays.stream(Entity.values()).forEach(e -> entities.add(e.name()));
            entities.add(null);
        }
        // read models kept per entity and day (FigureRollups): ~one document per day and entity
        return figures.sum(days, entities, match, dimensions)
                .collectList()
                .map(rows -> new Stats(shown, from, to, group, rows, totals(rows)));
    }

    private static Map<String, Long> totals(List<Map<String, Object>> rows) {
        Map<String, Long> totals = new LinkedHashMap<>();
        for (String counter : Figure.COUNTERS) {
            totals.put(
                    counter,
                    rows.stream()
                            .mapToLong(r -> ((Number) r.getOrDefault(counter, 0L)).longValue())
                            .sum());
        }
        return totals;
    }

    private static LocalDate day(String text, LocalDate fallback, String name) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.trim().length() > 10 ? text.trim().substring(0, 10) : text.trim());
        } catch (DateTimeParseException e) {
            throw RequestRejected.invalid(name + " must be a date like 2026-11-20");
        }
    }
}
