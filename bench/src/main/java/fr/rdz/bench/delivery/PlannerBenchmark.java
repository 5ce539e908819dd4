package fr.rdz.bench.delivery;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.rdz.delivery.planning.domain.DailyRunPlanner;
import fr.rdz.delivery.planning.domain.Delivery;
import fr.rdz.delivery.planning.domain.PlannedBatch;
import fr.rdz.delivery.planning.domain.PoolLead;
import fr.rdz.delivery.planning.domain.RunInput;
import fr.rdz.delivery.planning.domain.RunReference;
import fr.rdz.delivery.pool.mongo.PoolStore;
import fr.rdz.events.ClientSnapshot;
import fr.rdz.events.CommandeSnapshot;
import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.DeliveryDay;
import fr.rdz.events.Entity;
import fr.rdz.events.Product;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The daily run planner against the pool it reads: N pool leads (default 1,000,000, both entities,
 * 3 products, 96 départements, received over 60 days, 15 % delivered before) stored in the Mongo
 * wire server deploy/local embeds (mongo-java-server, memory backend) in the shape delivery-service writes them, and M commandes (default
 * 2,000, all of ZR7, 10 % cross-entity, so the whole pool is read). Measures (1) reading the pool once
 * the way a run does (same filter, projection and mapping as {@link PoolStore#forPlanning}) and (2)
 * planning the run ({@link DailyRunPlanner#plan}, index build included) over that list, and prints
 * planning / read. Target: ≤ 3.
 *
 * <p>Arguments: {@code [leads] [commandes]}.
 */
public final class PlannerBenchmark {

    private static final LocalDate DATE = LocalDate.of(2026, 11, 20);
    private static final Instant REF = RunReference.of(DATE);
    private static final List<String> DEPARTEMENTS = departements();

    private PlannerBenchmark() {}

    public static void main(String[] args) {
        int leads = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int commandeCount = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        Random random = new Random(42);
        System.out.printf("delivery planner benchmark: %,d pool leads x %,d commandes%n", leads, commandeCount);

        // the wire server of deploy/local (mongo-java-server, in-memory backend), without the oplog
        // MongoWireServer turns on for change streams: the oplog would double the heap for 1M inserts
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort() + "/rdz_delivery")) {
            MongoCollection<Document> pool = client.getDatabase("rdz_delivery").getCollection("pool_leads");
            long loadStart = System.nanoTime();
            List<Delivery> ledger = fill(pool, leads, random);
            System.out.printf(
                    "  pool stored in %.1f s (%,d ledger lines in the last 31 days)%n",
                    (System.nanoTime() - loadStart) / 1e9, ledger.size());

            List<PoolLead> read = null;
            long bestRead = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                System.gc();
                long start = System.nanoTime();
                read = readPool(pool);
                long took = System.nanoTime() - start;
                bestRead = Math.min(bestRead, took);
                System.out.printf("  read #%d: %,d leads in %d ms%n", i + 1, read.size(), took / 1_000_000);
            }

            List<CommandeSnapshot> commandes = commandes(commandeCount, random);
            List<ClientSnapshot> clients = clients();
            DailyRunPlanner planner = new DailyRunPlanner();
            RunInput input = new RunInput(Entity.ZR7, DATE, read, commandes, clients, ledger);
            long[] plans = new long[5];
            List<PlannedBatch> batches = List.of();
            for (int i = -2; i < plans.length; i++) {
                System.gc();
                long start = System.nanoTime();
                batches = planner.plan(input);
                long took = System.nanoTime() - start;
                if (i >= 0) {
                    plans[i] = took;
                }
                System.out.printf("  plan %s: %d ms%n", i < 0 ? "warm-up" : "#" + (i + 1), took / 1_000_000);
            }
            Arrays.sort(plans);
            long medianPlan = plans[plans.length / 2];
            int planned = batches.stream().mapToInt(b -> b.leads().size()).sum();
            int target = batches.stream().mapToInt(PlannedBatch::target).sum();
            long shortBatches = batches.stream().filter(PlannedBatch::isShort).count();
            int replaced =
                    batches.stream().mapToInt(PlannedBatch::duplicatesReplaced).sum();
            System.out.printf(
                    "  run: %,d batches, %,d leads planned for a total target of %,d (%,d short, %,d duplicates replaced)%n",
                    batches.size(), planned, target, shortBatches, replaced);
            System.out.printf(
                    "RESULT read_pool_ms=%d plan_median_ms=%d plan_min_ms=%d ratio=%.2f (target <= 3)%n",
                    bestRead / 1_000_000, medianPlan / 1_000_000, plans[0] / 1_000_000, (double) medianPlan / bestRead);
        } finally {
            server.shutdownNow();
        }
    }

    private static List<PoolLead> readPool(MongoCollection<Document> pool) {
        return Flux.from(pool.find(PoolStore.planningFilter(EnumSet.allOf(Entity.class), REF))
                        .projection(PoolStore.PLANNING_PROJECTION)
                        .batchSize(10_000))
                .map(PoolStore::toPoolLead)
                .collectList()
                .block(Duration.ofMinutes(30));
    }

    /** Stores the pool in the shape PoolStore writes it; returns the ledger lines of the last 31 days. */
    private static List<Delivery> fill(MongoCollection<Document> pool, int count, Random random) {
        List<Delivery> ledger = new ArrayList<>();
        List<Document> chunk = new ArrayList<>(10_000);
        String previousPhone = "0600000000";
        for (int i = 0; i < count; i++) {
            Entity entity = random.nextInt(10) < 7 ? Entity.ZR7 : Entity.MDL;
            Product product = Product.values()[random.nextInt(3)];
            String dep = DEPARTEMENTS.get(random.nextInt(DEPARTEMENTS.size()));
            String phone =
                    random.nextInt(50) == 0 ? previousPhone : String.format("06%08d", random.nextInt(100_000_000));
            previousPhone = phone;
            Instant received = REF.minusSeconds(1 + (long) random.nextInt(60 * 86_400));
            String id = "lead-" + i;
            List<Document> deliveries = new ArrayList<>();
            if (random.nextInt(100) < 15) {
                Instant at = REF.minus(Duration.ofDays(1 + random.nextInt(90)));
                if (at.isAfter(received)) {
                    String clientId = "cl-" + entity + "-" + random.nextInt(300);
                    deliveries.add(new Document("at", Date.from(at))
                            .append("client_id", clientId)
                            .append("run_id", "old"));
                    if (at.isAfter(REF.minus(Duration.ofDays(31)))) {
                        ledger.add(new Delivery(
                                id,
                                phone,
                                product,
                                clientId,
                                "cmd-" + random.nextInt(2000),
                                RunReference.parisDate(at),
                                at));
                    }
                }
            }
            chunk.add(new Document("_id", id)
                    .append("state", "FRESH")
                    .append("entity", entity.name())
                    .append("product", product.name())
                    .append("departement", dep)
                    .append("phone", phone)
                    .append("received_at", Date.from(received))
                    .append("distributable", true)
                    .append("erased", false)
                    .append("deliveries", deliveries)
                    .append(
                            "lead",
                            new Document("lead_id", id)
                                    .append("received_at", received.toString())
                                    .append("entity", entity.name())
                                    .append("product", product.name())
                                    .append(
                                            "contact",
                                            new Document("phone", phone)
                                                    .append("civilite", "Mme")
                                                    .append("nom", "Nom" + i)
                                                    .append("prenom", "Prenom")
                                                    .append("email", "lead" + i + "@example.fr")
                                                    .append("code_postal", dep + "100")
                                                    .append("departement", dep))
                                    .append(
                                            "source",
                                            new Document("form_code", product + "-001")
                                                    .append("lp_code", "LP-001")
                                                    .append("utm_source", "google"))));
            if (chunk.size() == 10_000) {
                insert(pool, chunk);
                chunk = new ArrayList<>(10_000);
            }
        }
        if (!chunk.isEmpty()) {
            insert(pool, chunk);
        }
        return ledger;
    }

    private static void insert(MongoCollection<Document> pool, List<Document> docs) {
        Mono.from(pool.insertMany(docs)).block(Duration.ofMinutes(5));
    }

    private static List<CommandeSnapshot> commandes(int count, Random random) {
        List<CommandeSnapshot> list = new ArrayList<>(count);
        Instant created = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < count; i++) {
            int shape = random.nextInt(100);
            List<String> deps;
            if (shape < 5) {
                deps = List.of("*");
            } else {
                int n = shape < 80 ? 1 + random.nextInt(10) : 10 + random.nextInt(20);
                deps = random.ints(n, 0, DEPARTEMENTS.size())
                        .distinct()
                        .mapToObj(DEPARTEMENTS::get)
                        .toList();
            }
            list.add(new CommandeSnapshot(
                    "cmd-" + i,
                    Entity.ZR7,
                    "cl-ZR7-" + random.nextInt(300),
                    Product.values()[random.nextInt(3)],
                    deps,
                    20 + random.nextInt(180),
                    List.of(DeliveryDay.MON, DeliveryDay.TUE, DeliveryDay.WED, DeliveryDay.THU, DeliveryDay.FRI),
                    random.nextInt(6) * 10,
                    1 + random.nextInt(5),
                    random.nextInt(10) == 0,
                    LocalDate.of(2026, 1, 1),
                    null,
                    true,
                    false,
                    created.plusSeconds(i),
                    created));
        }
        return list;
    }

    private static List<ClientSnapshot> clients() {
        List<ClientSnapshot> list = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            list.add(new ClientSnapshot(
                    "cl-ZR7-" + i,
                    Entity.ZR7,
                    "Client " + i,
                    List.of("c" + i + "@example.fr"),
                    DeliveryChannel.EMAIL,
                    null,
                    null,
                    null,
                    true,
                    false,
                    Instant.parse("2026-01-01T00:00:00Z")));
        }
        return list;
    }

    private static List<String> departements() {
        List<String> deps = new ArrayList<>();
        for (int d = 1; d <= 95; d++) {
            if (d != 20) {
                deps.add(String.format("%02d", d));
            }
        }
        deps.add("2A");
        deps.add("2B");
        return List.copyOf(deps);
    }
}
