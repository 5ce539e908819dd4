package fr.rdz.routing.stats.mongo;

import fr.rdz.routing.stats.application.FigureRollups;
import fr.rdz.routing.stats.domain.Figure;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps the dashboard's read models up to date as each {@link Figure} is recorded, so that reading
 * them never scans the {@code figures} (the Mongo stand-in keeps only unique indexes):
 *
 * <ul>
 *   <li>{@code figure_days}: one document per entity and Paris day ({@code _id} {@code ZR7|2026-11-20}),
 *       holding one row per combination of the figures' dimensions ({@code rows.<hash>.d}) with its
 *       counters summed ({@code rows.<hash>.c}): read (30 documents per entity for 30 days, by
 *       {@code _id}, rows filtered and grouped) only for what {@code figure_totals} cannot answer.
 *   <li>{@code figure_totals} ({@link FigureTotals}): per entity-day, the counters per value of each
 *       single dimension, unfiltered and within each filter value: the dashboard with at most one
 *       filter.
 *   <li>{@code form_figures}: one document per form code with its all-time counters (the form cards).
 * </ul>
 *
 * A figure is projected once: {@link FigureStore} projects it when its insert is new, then marks it
 * {@code projected}; a figure found unmarked when recorded again (a crash in between) is projected
 * then. Existing databases are back-filled at start-up by {@link FigureRollupBackfill}.
 */
@Component
public class FigureRollupProjector implements FigureRollups {

    public static final String DAYS = "figure_days";
    public static final String FORMS = "form_figures";

    /** The dimension fields of a figure, in the order they are hashed. */
    static final List<String> DIMENSIONS = List.of(
            "day",
            "entity",
            "product",
            "departement",
            "formCode",
            "lpCode",
            "utmSource",
            "utmCampaign",
            "qualityTier",
            "clientId",
            "commandeId");

    /** The {@code _id} part of figures without an entity. */
    static final String NO_ENTITY = "-";

    private final ReactiveMongoTemplate mongo;
    private final FigureTotals totals;

    public FigureRollupProjector(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        this.totals = new FigureTotals(mongo);
    }

    /** Adds the figure's counters to its day's row and to its form's totals, then marks it projected. */
    public Mono<Void> project(Figure figure) {
        Map<String, Object> dims = dimensions(figure);
        Map<String, Integer> counts = figure.counts() == null ? Map.of() : figure.counts();
        String row = "rows." + rowKey(dims);
        Update day = new Update().set(row + ".d", new Document(dims));
        counts.forEach((counter, n) -> day.inc(row + ".c." + counter, n));
        Mono<?> days = mongo.upsert(Query.query(Criteria.where("_id").is(dayId(dims))), day, DAYS);
        Mono<?> forms = Mono.empty();
        if (figure.formCode() != null && !counts.isEmpty()) {
            Update form = new Update();
            counts.forEach((counter, n) -> form.inc("c." + counter, n));
            forms = mongo.upsert(Query.query(Criteria.where("_id").is(figure.formCode())), form, FORMS);
        }
        return days.then(forms)
                .then(totals.project(dims, counts))
                .then(mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(figure.id())),
                        new Update().set("projected", true),
                        "figures"))
                .then();
    }

    /**
     * The rows of these days and entities ({@code null}: figures without an entity) whose dimension
     * fields equal {@code filters} (field → value), summed per {@code dimensions} (name → field): the
     * same rows as {@link FigureStore#sum} over the same figures. Read from {@code figure_totals}
     * (one small document per entity-day) when it answers, otherwise from {@code figure_days}.
     */
    @Override
    public Flux<Map<String, Object>> sum(
            Collection<String> days,
            Collection<String> entities,
            Map<String, String> filters,
            Map<String, String> dimensions) {
        if (FigureTotals.answers(filters, dimensions)) {
            return totals.sum(days, entities, filters, dimensions).flatMapIterable(rows -> rows);
        }
        return sumDays(days, entities, filters, dimensions);
    }

    /** {@link #sum} from the {@code figure_days} rows, whatever the filters and groups. */
    Flux<Map<String, Object>> sumDays(
            Collection<String> days,
            Collection<String> entities,
            Map<String, String> filters,
            Map<String, String> dimensions) {
        List<String> ids = new ArrayList<>();
        for (String entity : entities) {
            for (String day : days) {
                ids.add((entity == null ? NO_ENTITY : entity) + "|" + day);
            }
        }
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, DAYS)
                .collectList()
                .flatMapMany(docs -> {
                    Map<String, Map<String, Object>> groups = new LinkedHashMap<>();
                    for (Document doc : docs) {
                        Document rows = doc.get("rows", Document.class);
                        if (rows == null) {
                            continue;
                        }
                        for (Object value : rows.values()) {
                            Document row = (Document) value;
                            Document d = row.get("d", Document.class);
                            if (!matches(d, filters)) {
                                continue;
                            }
                            add(groups, d, row.get("c", Document.class), dimensions);
                        }
                    }
                    return Flux.fromIterable(groups.values()).sort(Comparator.comparing(r -> (String) r.get("key")));
                });
    }

    /** The all-time counters of these forms (absent: nothing recorded for it). */
    @Override
    public Mono<Map<String, Map<String, Long>>> formTotals(Collection<String> formCodes) {
        return mongo.find(Query.query(Criteria.where("_id").in(formCodes)), Document.class, FORMS)
                .collectMap(d -> d.getString("_id"), d -> longs(d.get("c", Document.class)));
    }

    private static boolean matches(Document d, Map<String, String> filters) {
        for (Map.Entry<String, String> f : filters.entrySet()) {
            Object v = d.get(f.getKey());
            if (v == null || !Objects.equals(v.toString(), f.getValue())) {
                return false;
            }
        }
        return true;
    }

    static void add(
            Map<String, Map<String, Object>> groups, Document d, Document counts, Map<String, String> dimensions) {
        List<String> values = new ArrayList<>();
        Map<String, Object> named = new LinkedHashMap<>();
        dimensions.forEach((name, field) -> {
            Object v = d.get(field);
            String value = v == null ? null : v.toString();
            values.add(value == null ? "" : value);
            named.put(name, value);
        });
        // the aggregation groups by the values themselves: a null and an absent value are one group
        String key = String.join("|", values);
        String groupKey = String.join(
                "\u001f",
                named.values().stream()
                        .map(v -> v == null ? "\u0000" : (String) v)
                        .toList());
        Map<String, Object> row = groups.computeIfAbsent(groupKey, k -> {
            Map<String, Object> r = new LinkedHashMap<>(named);
            r.put("key", key);
            for (String counter : Figure.COUNTERS) {
                r.put(counter, 0L);
            }
            return r;
        });
        if (counts == null) {
            return;
        }
        for (String counter : Figure.COUNTERS) {
            Object n = counts.get(counter);
            if (n instanceof Number number) {
                row.put(counter, (Long) row.get(counter) + number.longValue());
            }
        }
    }

    static Map<String, Long> longs(Document counts) {
        Map<String, Long> result = new LinkedHashMap<>();
        if (counts != null) {
            counts.forEach((k, v) -> result.put(k, v instanceof Number n ? n.longValue() : 0L));
        }
        return result;
    }

    /** A figure's dimensions as stored in its day's row (enums by name; null when unset). */
    static Map<String, Object> dimensions(Figure f) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("day", f.day());
        d.put("entity", f.entity() == null ? null : f.entity().name());
        d.put("product", f.product() == null ? null : f.product().name());
        d.put("departement", f.departement());
        d.put("formCode", f.formCode());
        d.put("lpCode", f.lpCode());
        d.put("utmSource", f.utmSource());
        d.put("utmCampaign", f.utmCampaign());
        d.put("qualityTier", f.qualityTier());
        d.put("clientId", f.clientId());
        d.put("commandeId", f.commandeId());
        return d;
    }

    static String dayId(Map<String, Object> dims) {
        Object entity = dims.get("entity");
        return (entity == null ? NO_ENTITY : entity) + "|" + dims.get("day");
    }

    /** A field name safe for Mongo (no dot, no dollar) identifying one combination of dimension values. */
    static String rowKey(Map<String, Object> dims) {
        StringBuilder s = new StringBuilder();
        for (String field : DIMENSIONS) {
            Object v = dims.get(field);
            s.append(v == null ? "\u0000" : v.toString()).append('\u001f');
        }
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
            return "r"
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(hash)
                            .substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
