package fr.rdz.e2e;

import fr.rdz.stack.Ports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.awaitility.Awaitility;

/**
 * The local stack split into three processes ({@link StackPartMain}): the Kafka broker, the Mongo wire
 * server and the SMTP catcher, each on a free port kept across restarts, data under {@code varDir}, so
 * that the broker or the database can be killed ({@code kill -9}) or restarted alone while the services
 * run on.
 */
final class SplitStack implements Infrastructure, AutoCloseable {

    static final List<String> PARTS = List.of("kafka", "mongo", "smtp");

    private final Path varDir;
    private final Path logDir;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();

    private SplitStack(Path varDir, Path logDir) {
        this.varDir = varDir;
        this.logDir = logDir;
        PARTS.forEach(part -> ports.put(part, Ports.free()));
    }

    static SplitStack start(Path varDir, Path logDir) throws IOException {
        SplitStack stack = new SplitStack(varDir, logDir);
        for (String part : PARTS) {
            stack.launch(part);
        }
        return stack;
    }

    /** {@code kill -9} of one part; checks it ended by SIGKILL. */
    void kill(String part) {
        Process process = processes.get(part);
        process.destroyForcibly();
        try {
            int exit = process.onExit().get(30, TimeUnit.SECONDS).exitValue();
            if (exit != 137) {
                throw new IllegalStateException(part + " ended with " + exit + ", not by SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(part + " did not end after SIGKILL", e);
        }
    }

    /** A clean stop (SIGTERM: the part closes its broker/server), as an operator's restart does. */
    void stop(String part) {
        Process process = processes.get(part);
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts {@code part} again on the same port and data; waits until it is ready. */
    void restart(String part) throws IOException {
        Process previous = processes.get(part);
        if (previous != null && previous.isAlive()) {
            throw new IllegalStateException(part + " is still running (pid " + previous.pid() + ")");
        }
        launch(part);
    }

    private void launch(String part) throws IOException {
        Files.createDirectories(logDir);
        Path log = logDir.resolve("stack-" + part + ".log");
        long readyBefore = readyLines(log);
        Process process = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        part.equals("kafka") ? "-Xmx512m" : "-Xmx384m",
                        "-Dlogback.configurationFile="
                                + Path.of(System.getProperty("rdz.root", "../.."))
                                        .resolve("deploy/local/logback-stack.xml"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        StackPartMain.class.getName(),
                        part,
                        String.valueOf(ports.get(part)),
                        varDir.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        processes.put(part, process);
        Awaitility.await(part + " ready (see " + log + ")")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(part + " exited: see " + log);
                    }
                    return readyLines(log) > readyBefore;
                });
    }

    private static long readyLines(Path log) throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        // the broker's output is not always UTF-8: read bytes
        return new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1)
                .lines()
                .filter(l -> l.startsWith(StackPartMain.READY))
                .count();
    }

    @Override
    public String kafkaBootstrap() {
        return "127.0.0.1:" + ports.get("kafka");
    }

    @Override
    public String mongoUri(String database) {
        return "mongodb://127.0.0.1:" + ports.get("mongo") + "/" + database;
    }

    @Override
    public int smtpPort() {
        return ports.get("smtp");
    }

    /** Where the SMTP catcher keeps every message it accepted ({@code .eml}). */
    Path mailDir() {
        return varDir.resolve("mail");
    }

    @Override
    public void close() {
        // services first (their owner), then SMTP, Mongo, Kafka
        for (String part : List.of("smtp", "mongo", "kafka")) {
            Process process = processes.get(part);
            if (process != null && process.isAlive()) {
                stop(part);
            }
        }
    }
}
