package fr.rdz.routing;

import com.mongodb.reactivestreams.client.MongoClients;
import fr.rdz.events.Entity;
import fr.rdz.events.LeadContact;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadSource;
import fr.rdz.events.Product;
import fr.rdz.kit.Operator;
import fr.rdz.kit.RdzSecurityProperties;
import fr.rdz.routing.lead.application.LeadSearch;
import fr.rdz.routing.lead.application.SearchingLeads;
import fr.rdz.routing.lead.mongo.DeliveryRef;
import fr.rdz.routing.lead.mongo.HistoryEntry;
import fr.rdz.routing.lead.mongo.LeadDocument;
import fr.rdz.routing.lead.mongo.LeadLookupProjector;
import fr.rdz.routing.shared.domain.InvalidInput;
import fr.rdz.routing.stats.application.ComputingStats;
import fr.rdz.routing.stats.application.FormCards;
import fr.rdz.routing.stats.domain.Figure;
import fr.rdz.routing.stats.mongo.FigureRollupProjector;
import fr.rdz.routing.stats.mongo.FigureStore;
import fr.rdz.stack.MongoWireServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * Not a test (surefire's patterns skip it; nothing is asserted): measures the console's read paths
 * — lead search, stats, form cards — on the Mongo wire server in memory (the stand-in of every IT
 * and of {@code ./rdz up}, which keeps no secondary index) with 100,000 leads and their figures.
 * Run: {@code ./mvnw -q -pl routing-service -am verify -Dtest=ConsoleQueriesBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -DskipITs} (env {@code BENCH_LEADS}, default 100000).
 */
class ConsoleQueriesBenchmark {

    private static final Operator ADMIN = new Operator("bench", RdzSecurityProperties.Role.ADMIN, null);
    private static final String[] NOMS = {
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand"
    };
    private static final String[] PRENOMS = {"Éloïse", "Hélène", "Paul", "Marc", "Julie", "Léa", "Hugo", "Chloé"};

    @Test
    void measure() {
        int leads = Integer.parseInt(System.getenv().getOrDefault("BENCH_LEADS", "100000"));
        Instant now = Instant.parse("2026-11-20T10:00:00Z");
        try (MongoWireServer server = MongoWireServer.start(0, null);
                var mongoClient = MongoClients.create(server.uri("bench"))) {
            ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(mongoClient, "bench");
            Random random = new Random(42);
            long t0 = System.nanoTime();
            List<LeadDocument> batch = new ArrayList<>();
            List<Figure> figures = new ArrayList<>();
            FigureRollupProjector rollups = new FigureRollupProjector(mongo);
            FigureStore store = new FigureStore(mongo, rollups);
            for (int i = 0; i < leads; i++) {
                Instant at = now.minus(Duration.ofMinutes((long) i * 5));
                String form = "PV-" + String.format("%03d", 1 + random.nextInt(40));
                String status = i % 3 == 0 ? "delivered" : i % 3 == 1 ? "fresh" : "no_order";
                String nom = NOMS[random.nextInt(NOMS.length)];
                String prenom = PRENOMS[random.nextInt(PRENOMS.length)];
                String phone = "06" + String.format("%08d", i);
                String client = "client-" + random.nextInt(50);
                LeadData lead = new LeadData(
                        UUID.randomUUID().toString(),
                        at,
                        i % 2 == 0 ? Entity.ZR7 : Entity.MDL,
                        Product.values()[i % 3],
                        new LeadContact(
                                phone,
                                "M",
                                nom,
                                prenom,
                                prenom.toLowerCase() + "." + i + "@example.fr",
                                "75011",
                                "75",
                                "Paris",
                                "1 rue X"),
                        null,
                        new LeadSource(
                                "s",
                                form,
                                "LP-001",
                                "LP-001_" + form,
                                "google",
                                null,
                                "camp-" + (i % 20),
                                null,
                                null,
                                null,
                                null,
                                null),
                        null);
                List<DeliveryRef> deliveries = "delivered".equals(status)
                        ? List.of(new DeliveryRef(client, "cmd-" + client, "b", "r", at, "fresh", false))
                        : List.of();
                batch.add(new LeadDocument(
                        lead.leadId(),
                        lead,
                        "pending",
                        List.of(),
                        null,
                        status,
                        List.of(),
                        null,
                        status,
                        deliveries,
                        List.of(),
                        false,
                        List.of(HistoryEntry.of("e1-" + i, "received", at), HistoryEntry.of("e2-" + i, "routed", at)),
                        List.of(),
                        i % 4 == 0 ? "A" : null,
                        List.of()));
                String day = fr.rdz.routing.shared.domain.BusinessTime.dayOf(at).toString();
                figures.add(new Figure(
                        "received:" + lead.leadId(),
                        day,
                        lead.entity(),
                        lead.product(),
                        "75",
                        form,
                        "LP-001",
                        "google",
                        "camp-" + (i % 20),
                        i % 4 == 0 ? "A" : null,
                        null,
                        null,
                        Map.of(Figure.RECEIVED, 1, Figure.VALID, 1)));
                if ("delivered".equals(status)) {
                    figures.add(new Figure(
                            "delivered:" + lead.leadId(),
                            day,
                            lead.entity(),
                            lead.product(),
                            "75",
                            form,
                            "LP-001",
                            "google",
                            "camp-" + (i % 20),
                            null,
                            client,
                            "cmd-" + client,
                            Map.of(Figure.DELIVERED, 1, Figure.DELIVERED_FRESH, 1)));
                }
                if (batch.size() == 2000) {
                    mongo.insertAll(batch).then().block();
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                mongo.insertAll(batch).then().block();
            }
            for (int i = 0; i < figures.size(); i += 5000) {
                reactor.core.publisher.Flux.fromIterable(figures.subList(i, Math.min(figures.size(), i + 5000)))
                        .flatMap(store::record, 8)
                        .then()
                        .block();
            }
            System.out.printf(
                    "loaded %,d leads and %,d figures in %d s%n",
                    leads,
                    figures.size(),
                    Duration.ofNanos(System.nanoTime() - t0).toSeconds());

            LeadLookupProjector lookups = new LeadLookupProjector(mongo);
            lookups.afterPropertiesSet();
            SearchingLeads searching = new SearchingLeads(
                    new fr.rdz.routing.lead.mongo.MongoSearchableLeads(mongo, lookups),
                    new fr.rdz.routing.lead.mongo.MongoLeadRecords(
                            mongo,
                            lookups,
                            new fr.rdz.routing.outbox.PendingOutbox(mongo, Clock.fixed(now, ZoneOffset.UTC))));
            ComputingStats stats = new ComputingStats(rollups, Clock.fixed(now, ZoneOffset.UTC));
            FormCards cards = new FormCards(
                    rollups, new fr.rdz.routing.stats.mongo.MongoFormResets(mongo), Clock.fixed(now, ZoneOffset.UTC));
            Map<String, Supplier<Object>> queries = new LinkedHashMap<>();
            queries.put("leads: no filter, page 0 of 50", () -> search(searching, Map.of()));
            queries.put(
                    "leads: entity=ZR7&status=no_order",
                    () -> search(searching, Map.of("entity", "ZR7", "status", "no_order")));
            queries.put("leads: name=helene", () -> search(searching, Map.of("name", "helene")));
            queries.put(
                    "leads: name=martin eloise, page 3",
                    () -> search(searching, Map.of("name", "martin eloise", "page", "3")));
            queries.put("leads: form=PV-001", () -> search(searching, Map.of("form", "PV-001")));
            queries.put("leads: form=PV-001, page 20", () -> search(searching, Map.of("form", "PV-001", "page", "20")));
            queries.put("leads: email (exact)", () -> search(searching, Map.of("email", "paul.777@example.fr")));
            queries.put("leads: phone", () -> search(searching, Map.of("phone", "0600000777")));
            queries.put(
                    "leads: client + quality_tier",
                    () -> search(searching, Map.of("client", "client-7", "quality_tier", "A")));
            queries.put(
                    "leads: from/to one week",
                    () -> search(searching, Map.of("from", "2026-11-01", "to", "2026-11-07")));
            queries.put("stats: 30 days by day", () -> stats.compute(ADMIN, null, null, null, "day")
                    .block());
            queries.put("stats: 30 days by client", () -> stats.compute(ADMIN, null, null, null, "client")
                    .block());
            queries.put("stats: 1 day by commande, ZR7", () -> stats.compute(
                            ADMIN, Entity.ZR7, "2026-11-19", "2026-11-19", "commande")
                    .block());
            queries.put("form cards: 40 forms", () -> cards.cards(formCodes()).block());
            for (var q : queries.entrySet()) {
                long[] ms = new long[25];
                for (int i = 0; i < 3; i++) {
                    q.getValue().get();
                }
                for (int i = 0; i < ms.length; i++) {
                    long s = System.nanoTime();
                    q.getValue().get();
                    ms[i] = (System.nanoTime() - s) / 1_000_000;
                }
                Arrays.sort(ms);
                System.out.printf(
                        "%-40s p50 %5d ms   p95 %5d ms   max %5d ms%n",
                        q.getKey(), ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.95) - 1], ms[ms.length - 1]);
            }
        }
    }

    private static List<String> formCodes() {
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            codes.add("PV-" + String.format("%03d", i));
        }
        return codes;
    }

    private static Object search(SearchingLeads searching, Map<String, String> params) {
        return searching
                .search(ADMIN, LeadSearch.parse(params, new InvalidInput.Collector()))
                .block();
    }
}
