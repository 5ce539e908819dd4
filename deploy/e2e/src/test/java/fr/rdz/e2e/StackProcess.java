package fr.rdz.e2e;

import fr.rdz.stack.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * The local stack as {@code ./rdz up} runs it: {@code LocalStackMain} (Kafka KRaft, Mongo wire
 * server on its H2 file, SMTP catcher) in its own JVM from {@code deploy/local/target}, with its
 * data under {@code varDir}, on free ports kept across restarts so that the services reconnect.
 */
final class StackProcess implements Infrastructure, AutoCloseable {

    private final Path varDir;
    private final Path log;
    private final int kafkaPort = Ports.free();
    private final int mongoPort = Ports.free();
    private final int smtpPort = Ports.free();
    private Process process;

    private StackProcess(Path varDir, Path log) {
        this.varDir = varDir;
        this.log = log;
    }

    /** Starts the stack and waits until it prints {@code RDZ-STACK READY}. */
    static StackProcess start(Path varDir, Path log) throws IOException {
        StackProcess stack = new StackProcess(varDir, log);
        stack.launch();
        return stack;
    }

    /** Starts the stack again on the same data and ports (its log is appended to). */
    void restart() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the stack is still running (pid " + process.pid() + ")");
        }
        launch();
    }

    private void launch() throws IOException {
        Path root = Path.of(System.getProperty("rdz.root", "../.."));
        String version = System.getProperty("rdz.version", "1.0.0-SNAPSHOT");
        Path target = root.resolve("deploy/local/target");
        Path jar = target.resolve("local-stack-" + version + ".jar");
        if (!Files.exists(jar) || !Files.isDirectory(target.resolve("lib"))) {
            throw new IllegalStateException("Build deploy/local first (package): missing " + jar);
        }
        Files.createDirectories(log.getParent());
        long readyBefore = readyLines();
        process = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-Drdz.kafka.port=" + kafkaPort,
                        "-Drdz.mongo.port=" + mongoPort,
                        "-Drdz.smtp.port=" + smtpPort,
                        "-Dlogback.configurationFile=" + root.resolve("deploy/local/logback-stack.xml"),
                        "-cp",
                        jar + java.io.File.pathSeparator + target.resolve("lib") + "/*",
                        "fr.rdz.stack.LocalStackMain",
                        varDir.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        Process started = process;
        Awaitility.await("local stack READY (see " + log + ")")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!started.isAlive()) {
                        throw new IllegalStateException("the stack exited: see " + log);
                    }
                    return readyLines() > readyBefore;
                });
    }

    private long readyLines() throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        // the log mixes the broker's and the JVM's output: read it as bytes, not as UTF-8 lines
        String text = new String(Files.readAllBytes(log), java.nio.charset.StandardCharsets.ISO_8859_1);
        return text.lines().filter(l -> l.startsWith("RDZ-STACK READY")).count();
    }

    Process process() {
        return process;
    }

    @Override
    public String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    @Override
    public String mongoUri(String database) {
        return "mongodb://127.0.0.1:" + mongoPort + "/" + database;
    }

    @Override
    public int smtpPort() {
        return smtpPort;
    }

    /** Stops the stack cleanly (SIGTERM: its shutdown hook closes Kafka, SMTP and Mongo). */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
