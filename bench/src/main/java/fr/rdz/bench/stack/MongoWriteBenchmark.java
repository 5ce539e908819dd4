package fr.rdz.bench.stack;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import fr.rdz.stack.MongoWireServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.bson.Document;

/**
 * Cost of durable acknowledged writes on the local Mongo stand-in (issue 13, defect 5): the same
 * lead-sized inserts ({@code insertOne}, acknowledged) by {@code threads} clients against the
 * wire server on its H2 file, in three modes:
 *
 * <ul>
 *   <li>{@code before}: plain mongo-java-server {@code H2Backend} (what {@code ./rdz up} ran until
 *       now): answered at once, MVStore commits about once a second in the background;
 *   <li>{@code group-commit}: {@link MongoWireServer} as now — answered once committed to the file;
 *   <li>{@code group-commit+fsync}: the same, each commit also forced to the disk ({@code
 *       -Drdz.stack.fsync=true}).
 * </ul>
 *
 * Prints writes/s, p50/p99 latency and the process CPU time per write (server and client share
 * this JVM: compare the modes, not the absolute figure). Usage: {@code [seconds=15] [threads=1,16]}.
 */
public final class MongoWriteBenchmark {

    private static final int WARMUP_SECONDS = 5;

    private MongoWriteBenchmark() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int[] threadCounts = Arrays.stream((args.length > 1 ? args[1] : "1,16").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        System.out.printf(
                "%-20s %8s %10s %9s %9s %14s%n", "mode", "threads", "writes/s", "p50 ms", "p99 ms", "CPU µs/write");
        for (int threads : threadCounts) {
            for (String mode : List.of("before", "group-commit", "group-commit+fsync")) {
                Result r = run(mode, threads, seconds);
                System.out.printf(
                        "%-20s %8d %10.0f %9.2f %9.2f %14.0f%n",
                        mode, threads, r.writesPerSecond, r.p50Millis, r.p99Millis, r.cpuMicrosPerWrite);
            }
        }
    }

    record Result(double writesPerSecond, double p50Millis, double p99Millis, double cpuMicrosPerWrite) {}

    private static Result run(String mode, int threads, int seconds) throws Exception {
        Path dir = Files.createTempDirectory("rdz-bench-mongo-");
        try {
            AutoCloseable server;
            int port;
            if (mode.equals("before")) {
                H2Backend backend = new H2Backend(dir.resolve("rdz.mv").toString());
                MongoServer plain = new MongoServer(backend);
                plain.enableOplog();
                plain.bind("127.0.0.1", 0);
                port = plain.getLocalAddress().getPort();
                server = () -> {
                    plain.shutdown();
                    backend.close();
                };
            } else {
                MongoWireServer durable = MongoWireServer.start(0, dir.resolve("mongo"), mode.endsWith("fsync"));
                port = durable.port();
                server = durable;
            }
            try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                    .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port + "/bench"))
                    .applyToConnectionPoolSettings(pool -> pool.maxSize(threads))
                    .build())) {
                MongoCollection<Document> leads = client.getDatabase("bench").getCollection("leads");
                load(leads, threads, WARMUP_SECONDS);
                var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
                long cpuBefore = os.getProcessCpuTime();
                long start = System.nanoTime();
                long[] latencies = load(leads, threads, seconds);
                double elapsed = (System.nanoTime() - start) / 1e9;
                long cpu = os.getProcessCpuTime() - cpuBefore;
                Arrays.sort(latencies);
                return new Result(
                        latencies.length / elapsed,
                        percentile(latencies, 0.50) / 1e6,
                        percentile(latencies, 0.99) / 1e6,
                        cpu / 1e3 / latencies.length);
            } finally {
                server.close();
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException ignored) {
                // a temporary folder
            }
        }
    }

    /** {@code threads} clients inserting one lead after the other for {@code seconds}; the latency of each insert. */
    private static long[] load(MongoCollection<Document> leads, int threads, int seconds) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        List<long[]> perThread = new ArrayList<>();
        int[] counts = new int[threads];
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            long[] mine = new long[2_000_000];
            perThread.add(mine);
            int index = t;
            Thread client = new Thread(() -> {
                int n = 0;
                while (!stop.get() && n < mine.length) {
                    long begin = System.nanoTime();
                    leads.insertOne(aLead());
                    mine[n++] = System.nanoTime() - begin;
                }
                counts[index] = n;
                done.countDown();
            });
            client.start();
        }
        done.await(seconds, TimeUnit.SECONDS);
        stop.set(true);
        done.await();
        long[] all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(perThread.get(t), 0, all, at, counts[t]);
            at += counts[t];
        }
        return all;
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))];
    }

    /** About the size and shape of an intake lead document with its outbox entry (~1.5 kB). */
    private static Document aLead() {
        String id = UUID.randomUUID().toString();
        return new Document("_id", id)
                .append("status", "pending")
                .append(
                        "contact",
                        new Document("phone", "0612345678")
                                .append("nom", "Martin")
                                .append("prenom", "Léa")
                                .append("email", "lea.martin@example.fr")
                                .append("code_postal", "75011")
                                .append("departement", "75")
                                .append("ville", "Paris")
                                .append("adresse", "12 rue Oberkampf"))
                .append("project", new Document("surface_habitable", "120").append("type_chauffage", "fioul"))
                .append(
                        "source",
                        new Document("form_code", "PV-001")
                                .append("lp_code", "LP-001")
                                .append("utm_source", "google")
                                .append("utm_campaign", "bench")
                                .append("page_url", "https://lp.example.fr/formulaire"))
                .append(
                        "consent",
                        new Document("rgpd_consent", true)
                                .append(
                                        "consent_text",
                                        "J'accepte d'être recontacté(e) par téléphone au sujet de mon projet.")
                                .append("ip", "203.0.113.42")
                                .append("user_agent", "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/128.0"))
                .append(
                        "outbox",
                        new Document("state", "pending")
                                .append("event_id", UUID.randomUUID().toString())
                                .append("payload", "x".repeat(600)));
    }
}
