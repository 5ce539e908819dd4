package fr.rdz.stack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./rdz up}'s infrastructure process: Kafka on 9092, MongoDB on 27017, SMTP on 2525, data
 * under the given {@code var/} folder (default {@code var}). Prints {@code RDZ-STACK READY} once
 * everything accepts connections, and stops cleanly on SIGTERM. A write Kafka or MongoDB
 * acknowledged survives a {@code kill -9} of this process; {@code -Drdz.stack.fsync=true} also
 * forces it to the disk first (survives a machine crash, costs a disk flush per group of writes).
 */
public final class LocalStackMain {

    private LocalStackMain() {}

    public static void main(String[] args) throws InterruptedException {
        Path varDir = Path.of(args.length > 0 ? args[0] : "var").toAbsolutePath();
        int kafkaPort = Integer.getInteger("rdz.kafka.port", 9092);
        int mongoPort = Integer.getInteger("rdz.mongo.port", 27017);
        int smtpPort = Integer.getInteger("rdz.smtp.port", 2525);
        boolean fsync = Boolean.getBoolean("rdz.stack.fsync");
        EmbeddedStack stack = EmbeddedStack.local(varDir, kafkaPort, mongoPort, smtpPort, fsync);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stack.close();
                            stopped.countDown();
                        },
                        "rdz-stack-shutdown"));
        System.out.printf(
                "RDZ-STACK READY kafka=%s mongo=%s smtp=127.0.0.1:%d mail=%s fsync=%s%n",
                stack.kafka().bootstrapServers(),
                stack.mongo().uri(""),
                stack.smtp().port(),
                stack.smtp().mailDir(),
                fsync);
        stopped.await();
    }
}
