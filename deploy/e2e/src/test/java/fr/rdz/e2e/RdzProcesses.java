package fr.rdz.e2e;

import fr.rdz.stack.EmbeddedStack;
import fr.rdz.stack.Ports;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * The whole of RDZ as it runs with {@code ./rdz up}: the embedded stack (real KRaft broker, Mongo
 * wire server, SMTP catcher) and each service's executable jar in its own process, on free ports.
 */
final class RdzProcesses implements AutoCloseable {

    static final List<String> SERVICES = List.of("intake", "routing", "delivery", "notifier", "crm-push");

    /** The stack in this JVM, or null when it runs as its own process ({@link #external}). */
    private final EmbeddedStack stack;

    private final Infrastructure external;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, List<String>> commands = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Path logDir;

    private RdzProcesses(EmbeddedStack stack, Infrastructure external, Path logDir) {
        this.stack = stack;
        this.external = external;
        this.logDir = logDir;
    }

    /** @param pagesOrigin where the landing pages are served from (intake's CORS allow-list) */
    static RdzProcesses start(Path workDir, String pagesOrigin) throws IOException {
        return start(workDir, pagesOrigin, SERVICES, List.of());
    }

    /**
     * Only {@code services} (ports are still reserved for all five), each given {@code extraArgs}
     * after the common command-line properties.
     */
    static RdzProcesses start(Path workDir, String pagesOrigin, List<String> services, List<String> extraArgs)
            throws IOException {
        Path logDir = Files.createDirectories(workDir.resolve("logs"));
        return start(
                new RdzProcesses(EmbeddedStack.forTests(workDir.resolve("stack")), null, logDir),
                pagesOrigin,
                services,
                extraArgs);
    }

    /**
     * Only {@code services} (or instances: {@code "delivery#2"} is a second delivery-service with its
     * own port, same jar, databases and consumer groups), on a stack that runs as its own process (closed by its owner, not
     * here), each given {@code extraArgs}.
     */
    static RdzProcesses start(
            Path workDir, Infrastructure stack, String pagesOrigin, List<String> services, List<String> extraArgs)
            throws IOException {
        Path logDir = Files.createDirectories(workDir.resolve("logs"));
        return start(new RdzProcesses(null, stack, logDir), pagesOrigin, services, extraArgs);
    }

    private static RdzProcesses start(
            RdzProcesses rdz, String pagesOrigin, List<String> services, List<String> extraArgs) throws IOException {
        Path root = Path.of(System.getProperty("rdz.root", "../.."));
        String version = System.getProperty("rdz.version", "1.0.0-SNAPSHOT");
        for (String service : SERVICES) {
            rdz.ports.put(service, Ports.free());
        }
        for (String instance : services) {
            rdz.ports.putIfAbsent(instance, Ports.free());
            String service = serviceOf(instance);
            Path jar = root.resolve(service + "-service/target/" + service + "-service-" + version + "-exec.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(
                        "Build the services first (./mvnw install -DskipTests): missing " + jar);
            }
            List<String> command = new ArrayList<>(List.of(
                    javaBinary(),
                    "-Xmx320m",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-jar",
                    jar.toString(),
                    "--spring.profiles.active=local",
                    "--server.port=" + rdz.ports.get(instance),
                    "--spring.kafka.bootstrap-servers=" + rdz.kafkaBootstrapServers(),
                    "--spring.data.mongodb.uri=" + rdz.mongoUri("rdz_" + service.replace('-', '_')),
                    "--rdz.notifier.entities.ZR7.smtp.port=" + rdz.smtpPort(),
                    "--rdz.notifier.entities.MDL.smtp.port=" + rdz.smtpPort(),
                    "--rdz.intake.cors-allowed-origins=" + pagesOrigin,
                    "--rdz.brief.intake-url=http://localhost:" + rdz.ports.get("intake"),
                    // where routing's signed proof-of-consent links point (its /public/consent-proofs/)
                    "--rdz.consent.proof-base-url=http://localhost:" + rdz.ports.get("routing")));
            if (services.stream().anyMatch(i -> i.contains("#"))) {
                // several instances of a service: each its own Kafka client id, so that a consumer
                // group's member (and the partitions it holds) can be traced back to its process
                command.add("--spring.kafka.client-id=" + kafkaClientId(instance));
                if (service.equals("delivery")) {
                    // the owner a run records (its planning lease) names the instance
                    command.add("--rdz.delivery.instance-id=" + instance);
                }
            }
            command.addAll(extraArgs);
            rdz.commands.put(instance, List.copyOf(command));
            rdz.launch(instance, false);
        }
        return rdz;
    }

    /** {@code "delivery#2"} → {@code "delivery"}. */
    static String serviceOf(String instance) {
        int hash = instance.indexOf('#');
        return hash < 0 ? instance : instance.substring(0, hash);
    }

    /**
     * The Kafka client id given to {@code instance} when several instances run ({@code "notifier"} →
     * {@code rdz-notifier-i1}, {@code "notifier#2"} → {@code rdz-notifier-i2}); spring-kafka suffixes it
     * per consumer ({@code -0}…).
     */
    static String kafkaClientId(String instance) {
        int hash = instance.indexOf('#');
        return "rdz-" + serviceOf(instance) + "-i" + (hash < 0 ? "1" : instance.substring(hash + 1));
    }

    /** The instances started (service names, or {@code service#n}). */
    List<String> instances() {
        return List.copyOf(processes.keySet());
    }

    /**
     * {@code kill -9} of {@code instance} ({@link Process#destroyForcibly()} is SIGKILL on Linux): waits
     * until it is gone and checks it ended by SIGKILL (exit value 137), not by a graceful stop.
     */
    void kill(String instance) {
        Process process = processes.get(instance);
        process.destroyForcibly();
        try {
            Process ended = process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            if (ended.exitValue() != 137) {
                throw new IllegalStateException(instance + " ended with " + ended.exitValue() + ", not by SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(instance + " did not end after SIGKILL", e);
        }
    }

    /**
     * The console (local profile: users {@code admin}, {@code viewer}, {@code zr7}) on a free port,
     * calling the services started here with the local profile's shared token secret.
     */
    void startConsole() throws IOException {
        startConsole(List.of());
    }

    /** The console as {@link #startConsole()}, given {@code extraArgs} (e.g. the buyers' accounts) after its own. */
    void startConsole(List<String> extraArgs) throws IOException {
        Path root = Path.of(System.getProperty("rdz.root", "../.."));
        String version = System.getProperty("rdz.version", "1.0.0-SNAPSHOT");
        Path jar = root.resolve("console/target/console-" + version + "-exec.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Build the console first: missing " + jar);
        }
        ports.put("console", Ports.free());
        List<String> command = new ArrayList<>(List.of(
                javaBinary(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar.toString(),
                "--spring.profiles.active=local",
                "--server.port=" + ports.get("console")));
        for (String service : SERVICES) {
            command.add("--rdz.console.services." + service + "=" + url(service));
        }
        command.addAll(extraArgs);
        commands.put("console", List.copyOf(command));
        launch("console", false);
    }

    /** Starts {@code service} again with the same command, port, Kafka and Mongo (its log is appended to). */
    void restart(String service) throws IOException {
        Process previous = processes.get(service);
        if (previous != null && previous.isAlive()) {
            throw new IllegalStateException(service + " is still running (pid " + previous.pid() + ")");
        }
        launch(service, true);
    }

    private void launch(String service, boolean again) throws IOException {
        java.io.File log = logDir.resolve(service.replace('#', '-') + ".log").toFile();
        ProcessBuilder builder = new ProcessBuilder(commands.get(service))
                .redirectErrorStream(true)
                .redirectOutput(again ? ProcessBuilder.Redirect.appendTo(log) : ProcessBuilder.Redirect.to(log));
        builder.environment().put("RDZ_ADMIN_PASSWORD", "rdz-local-admin");
        processes.put(service, builder.start());
    }

    /** The operating-system process currently running {@code service}. */
    Process process(String service) {
        return processes.get(service);
    }

    void awaitHealthy(Duration timeout) {
        for (String service : processes.keySet()) {
            awaitHealthy(service, timeout);
        }
    }

    void awaitHealthy(String service, Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        Process process = processes.get(service);
        Awaitility.await(service + " UP")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(
                                service + " exited: see " + logDir.resolve(service.replace('#', '-') + ".log"));
                    }
                    HttpResponse<String> answer = http.send(
                            HttpRequest.newBuilder(URI.create(url(service) + "/actuator/health"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    return answer.statusCode() == 200 && answer.body().contains("\"status\":\"UP\"");
                });
    }

    String url(String service) {
        return "http://localhost:" + ports.get(service);
    }

    EmbeddedStack stack() {
        return stack;
    }

    String kafkaBootstrapServers() {
        return stack != null ? stack.kafka().bootstrapServers() : external.kafkaBootstrap();
    }

    private String mongoUri(String database) {
        return stack != null ? stack.mongo().uri(database) : external.mongoUri(database);
    }

    private int smtpPort() {
        return stack != null ? stack.smtp().port() : external.smtpPort();
    }

    Path logDir() {
        return logDir;
    }

    @Override
    public void close() {
        processes.values().forEach(Process::destroy);
        for (Process p : processes.values()) {
            try {
                if (!p.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (stack != null) {
            stack.close();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
