package fr.rdz.routing.stats.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import fr.rdz.events.Entity;
import fr.rdz.events.Product;
import fr.rdz.routing.stats.domain.Figure;
import fr.rdz.stack.MongoWireServer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import reactor.core.publisher.Flux;

/**
 * The dashboard's read models answer exactly what the aggregation over every figure answers (the
 * way figures were summed before the read models), whether the figures were projected as they
 * were recorded or back-filled from a database recorded without them: both {@code figure_totals}
 * (no filter or one, one dimension) and {@code figure_days} (any filters and groups), for every
 * grouping and filter of {@code /admin/stats}.
 */
class FigureRollupsTest {

    private static final LocalDate FIRST = LocalDate.parse("2026-11-01");
    private static final int DAYS = 6;

    private MongoWireServer server;
    private MongoClient client;
    private ReactiveMongoTemplate mongo;
    private FigureRollupProjector rollups;
    private FigureStore store;

    @BeforeEach
    void start() {
        server = MongoWireServer.start(0, null);
        client = MongoClients.create(server.uri("rollups"));
        mongo = new ReactiveMongoTemplate(client, "rollups");
        rollups = new FigureRollupProjector(mongo);
        store = new FigureStore(mongo, rollups);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void figuresProjectedAsRecordedSumAsTheAggregationDoes() {
        List<Figure> figures = figures(600);
        Flux.fromIterable(figures).concatMap(store::record).blockLast();
        // recorded again (a redelivered fact): counted once
        Flux.fromIterable(figures.subList(0, 150)).concatMap(store::record).blockLast();

        assertSameAnswers(true);
    }

    @Test
    void aDatabaseRecordedBeforeTheReadModelsIsBackFilled() {
        List<Figure> figures = figures(600);
        // stored as the previous version did: figures only, no read model
        mongo.insertAll(figures.stream().map(FigureDocument::of).toList()).blockLast();
        assertThat(rollups.formTotals(List.of("F1")).block()).isEmpty();

        FigureRollupBackfill backfill = new FigureRollupBackfill(mongo);
        backfill.afterPropertiesSet();
        backfill.afterPropertiesSet(); // done once: the marker keeps it from counting twice

        assertSameAnswers(true);
        // the back-filled figures are marked projected: recording them again adds nothing
        Flux.fromIterable(figures.subList(0, 100)).concatMap(store::record).blockLast();
        assertSameAnswers(false);
        // and new figures are projected on top of the back-filled ones
        Flux.fromIterable(figures(100))
                .concatMap(f -> store.record(copy(f, "new-" + f.id())))
                .blockLast();
        assertSameAnswers(false);
    }

    /** {@code full}: every grouping and filter; otherwise a few of each (the checks after re-recording). */
    private void assertSameAnswers(boolean full) {
        List<String> days =
                FIRST.datesUntil(FIRST.plusDays(DAYS)).map(LocalDate::toString).toList();
        List<String> all =
                new ArrayList<>(Arrays.stream(Entity.values()).map(Enum::name).toList());
        all.add(null);
        // every grouping and filter the console and the API use: each dimension alone (the console's
        // dashboard and Qualité), day with entity, and a combination only figure_days answers
        List<Map<String, String>> groupings = new ArrayList<>();
        Figure.GROUPS.keySet().stream().sorted().forEach(name -> groupings.add(Map.of(name, Figure.GROUPS.get(name))));
        groupings.add(orderedMap("day", "day", "entity", "entity"));
        groupings.add(orderedMap("day", "day", "form", "formCode"));
        Map<String, String> values = Map.of(
                "product", "PV",
                "departement", "75",
                "formCode", "F2",
                "lpCode", "LP1",
                "utmSource", "meta.ads",
                "utmCampaign", "camp.1",
                "qualityTier", "A",
                "clientId", "C1",
                "commandeId", "K1");
        List<Map<String, String>> filters = new ArrayList<>();
        filters.add(Map.of());
        new java.util.TreeSet<>(Figure.FILTERS.values())
                .forEach(field -> filters.add(Map.of(field, values.get(field))));
        filters.add(Map.of("departement", "75", "formCode", "F2"));
        if (!full) {
            groupings.removeIf(
                    g -> !g.containsKey("day") && !g.containsKey("client") && !g.containsKey("quality_tier"));
            filters.removeIf(f -> f.size() == 1 && !f.containsKey("product") && !f.containsKey("clientId"));
        }
        FigureTotals totals = new FigureTotals(mongo);
        int combination = 0;
        for (Map<String, String> grouping : groupings) {
            for (Map<String, String> filter : filters) {
                // both scopes unfiltered, one of them (in turn) per filter: fewer aggregations to compare with
                List<String> scopes =
                        filter.isEmpty() ? List.of("ZR7", "ALL") : List.of(combination++ % 2 == 0 ? "ZR7" : "ALL");
                for (String entity : scopes) {
                    List<String> subset = days.subList(1, 5);
                    Criteria match = Criteria.where("day").gte(subset.get(0)).lte(subset.get(subset.size() - 1));
                    if (!"ALL".equals(entity)) {
                        match.and("entity").is(entity);
                    }
                    filter.forEach((field, value) -> match.and(field).is(value));
                    List<String> entities = "ALL".equals(entity) ? all : List.of(entity);
                    List<Map<String, Object>> expected =
                            sorted(store.sum(match, grouping).collectList().block());
                    String what = "group " + grouping + ", filter " + filter + ", entity " + entity;
                    assertThat(sorted(rollups.sum(subset, entities, filter, grouping)
                                    .collectList()
                                    .block()))
                            .as(what)
                            .isEqualTo(expected)
                            .isNotEmpty();
                    assertThat(sorted(rollups.sumDays(subset, entities, filter, grouping)
                                    .collectList()
                                    .block()))
                            .as("figure_days, " + what)
                            .isEqualTo(expected);
                    List<Map<String, Object>> fromTotals =
                            totals.sum(subset, entities, filter, grouping).block();
                    boolean answerable = filter.size() <= 1 && (grouping.size() == 1 || !grouping.containsKey("form"));
                    assertThat(fromTotals != null)
                            .as("figure_totals answers " + what)
                            .isEqualTo(answerable);
                    if (fromTotals != null) {
                        assertThat(sorted(fromTotals))
                                .as("figure_totals, " + what)
                                .isEqualTo(expected);
                    }
                }
            }
        }
        List<String> forms = List.of("F1", "F2", "F3", "F4", "F5");
        Map<String, Map<String, Object>> expected = store.sum(
                        Criteria.where("formCode").in(forms), Map.of("form", "formCode"))
                .collectMap(r -> (String) r.get("form"))
                .block();
        Map<String, Map<String, Long>> actual = rollups.formTotals(forms).block();
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        for (String form : expected.keySet()) {
            for (String counter : Figure.COUNTERS) {
                assertThat(actual.get(form).getOrDefault(counter, 0L))
                        .as("%s %s", form, counter)
                        .isEqualTo(expected.get(form).get(counter));
            }
        }
    }

    private static List<Map<String, Object>> sorted(List<Map<String, Object>> rows) {
        return rows.stream()
                .sorted(Comparator.comparing((Map<String, Object> r) -> (String) r.get("key"))
                        .thenComparing(Object::toString))
                .toList();
    }

    private static Map<String, String> orderedMap(String k1, String v1, String k2, String v2) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    private static List<Figure> figures(int n) {
        Random random = new Random(n);
        List<Figure> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            counts.put(Figure.COUNTERS.get(random.nextInt(Figure.COUNTERS.size())), 1 + random.nextInt(3));
            if (random.nextBoolean()) {
                counts.put(Figure.RECEIVED, 1);
            }
            list.add(new Figure(
                    "fact-" + n + "-" + i,
                    FIRST.plusDays(random.nextInt(DAYS)).toString(),
                    random.nextInt(10) == 0 ? null : Entity.values()[random.nextInt(2)],
                    random.nextInt(8) == 0 ? null : Product.values()[random.nextInt(Product.values().length)],
                    pick(random, "75", "13", "2A", null),
                    pick(random, "F1", "F2", "F3", "F4", null),
                    pick(random, "LP1", "LP2", null),
                    pick(random, "google", "meta.ads", null),
                    pick(random, "camp.1", "camp-2", null),
                    pick(random, "A", "B", null),
                    pick(random, "C1", "C2", null, null),
                    pick(random, "K1", "K2", null, null),
                    counts));
        }
        return list;
    }

    private static Figure copy(Figure f, String id) {
        return new Figure(
                id,
                f.day(),
                f.entity(),
                f.product(),
                f.departement(),
                f.formCode(),
                f.lpCode(),
                f.utmSource(),
                f.utmCampaign(),
                f.qualityTier(),
                f.clientId(),
                f.commandeId(),
                f.counts());
    }

    private static String pick(Random random, String... values) {
        return values[random.nextInt(values.length)];
    }
}
