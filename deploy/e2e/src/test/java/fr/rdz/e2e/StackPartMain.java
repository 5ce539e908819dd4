package fr.rdz.e2e;

import fr.rdz.stack.KafkaBroker;
import fr.rdz.stack.MongoWireServer;
import fr.rdz.stack.SmtpCatcher;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * One part of {@code ./rdz up}'s local stack in its own process, so that each can be killed and
 * restarted alone: {@code kafka} (the KRaft broker), {@code mongo} (the Mongo wire server on its H2
 * file) or {@code smtp} (the SMTP catcher), on a fixed port, data under the given folder — the same
 * classes and data layout as {@code LocalStackMain}. Prints {@code RDZ-PART READY} once it accepts
 * connections; stops cleanly on SIGTERM.
 */
public final class StackPartMain {

    static final String READY = "RDZ-PART READY";

    private StackPartMain() {}

    public static void main(String[] args) throws InterruptedException {
        String part = args[0];
        int port = Integer.parseInt(args[1]);
        Path varDir = Path.of(args[2]).toAbsolutePath();
        AutoCloseable running =
                switch (part) {
                    case "kafka" -> KafkaBroker.start(port, varDir.resolve("kafka"));
                    case "mongo" -> MongoWireServer.start(port, varDir.resolve("mongo"));
                    case "smtp" -> SmtpCatcher.start(port, varDir.resolve("mail"));
                    default -> throw new IllegalArgumentException("kafka, mongo or smtp, not " + part);
                };
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                running.close();
                            } catch (Exception e) {
                                e.printStackTrace();
                            }
                            stopped.countDown();
                        },
                        "rdz-part-shutdown"));
        System.out.println(READY + " " + part + " port=" + port);
        stopped.await();
    }
}
