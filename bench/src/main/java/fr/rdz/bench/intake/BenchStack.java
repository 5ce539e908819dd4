package fr.rdz.bench.intake;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.rdz.stack.KafkaBroker;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The benchmark's infrastructure: the real KRaft broker and the Mongo wire server with its
 * in-memory backend. The file backend of {@code ./rdz up} (H2) Java-serialises every document on
 * every read and write under a per-collection lock, which would measure that local stand-in rather
 * than intake ({@code MONGO_BACKEND=h2} in {@code run-intake.sh} measures it anyway). As in the
 * delivery planner benchmark, the wire server runs without the oplog that {@code MongoWireServer}
 * turns on for change streams: intake uses none, and the oplog keeps a second in-memory copy of
 * every insert and update (the stand-in then spends its time in GC). {@code run-intake.sh} gives this
 * process its own heap ({@code STACK_HEAP}): the in-memory backend holds every lead written.
 *
 * <pre>java -cp … fr.rdz.bench.intake.BenchStack &lt;dir&gt; &lt;kafkaPort&gt; &lt;mongoPort&gt;</pre>
 */
public final class BenchStack {

    private BenchStack() {}

    public static void main(String[] args) throws InterruptedException {
        Path dir = Path.of(args[0]);
        MemoryBackend backend = new MemoryBackend();
        MongoServer mongo = new MongoServer(backend);
        mongo.bind("127.0.0.1", Integer.parseInt(args[2]));
        KafkaBroker kafka = KafkaBroker.start(Integer.parseInt(args[1]), dir.resolve("kafka"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            mongo.shutdown();
            backend.close();
            stopped.countDown();
        }));
        System.out.println(
                "RDZ-STACK READY kafka=" + kafka.bootstrapServers() + " mongo=mongodb://127.0.0.1:" + args[2] + "/");
        stopped.await();
    }
}
