package fr.rdz.routing.stats.mongo;

import fr.rdz.routing.stats.domain.Figure;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * The read model {@code figure_totals}: per entity and Paris day, the figures' counters summed per
 * value of each single dimension, unfiltered ({@code _id} {@code ZR7|2026-11-20|*}) and within each
 * value of each filterable dimension ({@code _id} {@code ZR7|2026-11-20|departement|75}). A document
 * holds {@code c} (its counters summed) and, per dimension field, {@code g.<field>.<value key>} with
 * the value ({@code v}) and its counters ({@code c}).
 *
 * <p>It answers the dashboard without a filter or with one filter, grouped by one dimension (or by
 * day and/or entity), by reading one small document per entity and day by {@code _id} — where {@code
 * figure_days} (one row per combination of every dimension, ~3,000 a day) is read whole. Kept by
 * {@link FigureRollupProjector} with {@code figure_days} (same figure, same projection, same
 * once-only mark) and back-filled with it by {@link FigureRollupBackfill}.
 */
final class FigureTotals {

    static final String COLLECTION = "figure_totals";

    /** The fields a document is kept for (a filter value); figures with no value there have none. */
    static final List<String> FILTER_FIELDS = List.copyOf(new java.util.LinkedHashSet<>(Figure.FILTERS.values()));

    /** The fields summed per value in every document: every dimension but the day and the entity. */
    static final List<String> GROUP_FIELDS =
            Figure.FILTERS.values().stream().distinct().sorted().toList();

    private static final Set<String> DOCUMENT_FIELDS = Set.of("day", "entity");
    private static final String ALL = "*";

    private final ReactiveMongoTemplate mongo;

    FigureTotals(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Adds the figure to its entity-day's documents (the unfiltered one and one per value it has), in
     * one round trip.
     */
    Mono<Void> project(Map<String, Object> dims, Map<String, Integer> counts) {
        return Mono.defer(() -> {
            Update update = update(dims, counts);
            ReactiveBulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
            ids(dims)
                    .forEach(id -> bulk.upsert(Query.query(Criteria.where("_id").is(id)), update));
            return bulk.execute().then();
        });
    }

    /** The same, into documents kept in memory (the back-fill). */
    static void add(Map<String, Document> documents, Map<String, Object> dims, Map<String, Integer> counts) {
        for (String id : ids(dims)) {
            Document doc = documents.computeIfAbsent(
                    id, k -> new Document("_id", k).append("c", new Document()).append("g", new Document()));
            inc(doc.get("c", Document.class), counts);
            Document g = doc.get("g", Document.class);
            for (String field : GROUP_FIELDS) {
                Object value = dims.get(field);
                Document values = (Document) g.computeIfAbsent(field, k -> new Document());
                Document entry = (Document) values.computeIfAbsent(
                        valueKey(value), k -> new Document("v", value).append("c", new Document()));
                inc(entry.get("c", Document.class), counts);
            }
        }
    }

    /**
     * The same rows as {@link FigureRollupProjector#sum} when one document per entity-day answers:
     * at most one filter, and grouped by one dimension or by day and/or entity; otherwise empty (the
     * caller reads {@code figure_days}).
     */
    Mono<List<Map<String, Object>>> sum(
            Collection<String> days,
            Collection<String> entities,
            Map<String, String> filters,
            Map<String, String> dimensions) {
        if (!answers(filters, dimensions)) {
            return Mono.empty();
        }
        String suffix = filters.isEmpty()
                ? ALL
                : filters.keySet().iterator().next() + "|"
                        + filters.values().iterator().next();
        List<String> ids = new ArrayList<>();
        for (String entity : entities) {
            for (String day : days) {
                ids.add(prefix(entity == null ? FigureRollupProjector.NO_ENTITY : entity, day) + suffix);
            }
        }
        String grouped = dimensions.values().stream()
                .filter(f -> !DOCUMENT_FIELDS.contains(f))
                .findFirst()
                .orElse(null);
        Query query = Query.query(Criteria.where("_id").in(ids));
        query.fields().include(grouped == null ? "c" : "g." + grouped);
        return mongo.find(query, Document.class, COLLECTION).collectList().map(docs -> {
            Map<String, Map<String, Object>> groups = new LinkedHashMap<>();
            for (Document doc : docs) {
                String[] parts = doc.getString("_id").split("\\|", 3);
                String entity = FigureRollupProjector.NO_ENTITY.equals(parts[0]) ? null : parts[0];
                if (grouped == null) {
                    Document d = new Document("day", parts[1]).append("entity", entity);
                    FigureRollupProjector.add(groups, d, doc.get("c", Document.class), dimensions);
                    continue;
                }
                Document g = doc.get("g", Document.class);
                Document values = g == null ? null : g.get(grouped, Document.class);
                if (values == null) {
                    continue;
                }
                for (Object value : values.values()) {
                    Document entry = (Document) value;
                    Document d = new Document(grouped, entry.get("v"));
                    FigureRollupProjector.add(groups, d, entry.get("c", Document.class), dimensions);
                }
            }
            List<Map<String, Object>> rows = new ArrayList<>(groups.values());
            rows.sort(Comparator.comparing(r -> (String) r.get("key")));
            return rows;
        });
    }

    /** Whether {@link #sum} answers these filters (field → value) and groups (name → field). */
    static boolean answers(Map<String, String> filters, Map<String, String> dimensions) {
        if (filters.size() > 1
                || (filters.size() == 1
                        && !FILTER_FIELDS.contains(filters.keySet().iterator().next()))) {
            return false;
        }
        long others = dimensions.values().stream()
                .filter(f -> !DOCUMENT_FIELDS.contains(f))
                .count();
        return others == 0 || dimensions.size() == 1;
    }

    private static List<String> ids(Map<String, Object> dims) {
        Object entity = dims.get("entity");
        String prefix =
                prefix(entity == null ? FigureRollupProjector.NO_ENTITY : entity.toString(), (String) dims.get("day"));
        List<String> ids = new ArrayList<>();
        ids.add(prefix + ALL);
        for (String field : FILTER_FIELDS) {
            Object value = dims.get(field);
            if (value != null) {
                ids.add(prefix + field + "|" + value);
            }
        }
        return ids;
    }

    private static String prefix(String entity, String day) {
        return entity + "|" + day + "|";
    }

    private static Update update(Map<String, Object> dims, Map<String, Integer> counts) {
        Update update = new Update();
        counts.forEach((counter, n) -> update.inc("c." + counter, n));
        for (String field : GROUP_FIELDS) {
            Object value = dims.get(field);
            String entry = "g." + field + "." + valueKey(value);
            update.set(entry + ".v", value);
            counts.forEach((counter, n) -> update.inc(entry + ".c." + counter, n));
        }
        return update;
    }

    private static void inc(Document c, Map<String, Integer> counts) {
        counts.forEach((counter, n) -> c.put(counter, ((Number) c.getOrDefault(counter, 0L)).longValue() + n));
    }

    /** A field name safe for Mongo (no dot, no dollar) for a dimension value; null apart. */
    static String valueKey(Object value) {
        return value == null
                ? "n"
                : "k"
                        + Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(value.toString().getBytes(StandardCharsets.UTF_8));
    }
}
