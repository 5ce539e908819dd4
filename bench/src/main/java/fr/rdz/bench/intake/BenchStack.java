package fr.rdz.bench.intake;

import fr.rdz.stack.KafkaBroker;
import fr.rdz.stack.MongoWireServer;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The benchmark's infrastructure: the real KRaft broker and the Mongo wire server with its
 * in-memory backend. The file backend of {@code ./rdz up} (H2) Java-serialises every document on
 * every read and write under a per-collection lock, which would measure that local stand-in rather
 * than intake ({@code MONGO_BACKEND=h2} in {@code run-intake.sh} measures it anyway).
 *
 * <pre>java -cp … fr.rdz.bench.intake.BenchStack &lt;dir&gt; &lt;kafkaPort&gt; &lt;mongoPort&gt;</pre>
 */
public final class BenchStack {

    private BenchStack() {}

    public static void main(String[] args) throws InterruptedException {
        Path dir = Path.of(args[0]);
        MongoWireServer mongo = MongoWireServer.start(Integer.parseInt(args[2]), null);
        KafkaBroker kafka = KafkaBroker.start(Integer.parseInt(args[1]), dir.resolve("kafka"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            mongo.close();
            stopped.countDown();
        }));
        System.out.println("RDZ-STACK READY kafka=" + kafka.bootstrapServers() + " mongo=" + mongo.uri(""));
        stopped.await();
    }
}
