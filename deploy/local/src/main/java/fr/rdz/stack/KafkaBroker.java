package fr.rdz.stack;

import fr.rdz.events.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Apache Kafka broker in KRaft mode (combined broker + controller), run
 * in-process from the broker's own classes. Its storage is formatted once; a broker restarted on
 * the same directory keeps its topics, offsets and records.
 */
public final class KafkaBroker implements AutoCloseable {

    private final KafkaRaftServer server;
    private final int port;

    private KafkaBroker(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts a broker on {@code port} (0: any free port) storing its log under {@code dataDir}.
     */
    public static KafkaBroker start(int port, Path dataDir) {
        return start(port, dataDir, false);
    }

    /**
     * Starts a broker on {@code port} (0: any free port) storing its log under {@code dataDir}. A
     * record is acknowledged once appended to the log file (the operating system's page cache): a
     * {@code kill -9} of this process loses nothing acknowledged, the log is recovered at the next
     * start. {@code fsync}: the log is also forced to the disk after every append, before the
     * acknowledgement (a machine crash loses nothing either).
     */
    public static KafkaBroker start(int port, Path dataDir, boolean fsync) {
        int brokerPort = Ports.orFree(port);
        int controllerPort = Ports.free();
        try {
            Path logDir = Files.createDirectories(dataDir.resolve("kafka-logs"));
            Properties props = new Properties();
            props.put("process.roles", "broker,controller");
            props.put("node.id", "1");
            props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
            props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
            props.put("controller.listener.names", "CONTROLLER");
            props.put("inter.broker.listener.name", "PLAINTEXT");
            props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            props.put("log.dirs", logDir.toString());
            props.put("num.partitions", String.valueOf(Topics.DEFAULT_PARTITIONS));
            props.put("offsets.topic.replication.factor", "1");
            props.put("offsets.topic.num.partitions", "10");
            props.put("transaction.state.log.replication.factor", "1");
            props.put("transaction.state.log.min.isr", "1");
            props.put("min.insync.replicas", "1");
            props.put("group.initial.rebalance.delay.ms", "0");
            props.put("auto.create.topics.enable", "true");
            if (fsync) {
                // one broker, no replica to fall back on: flush each append before answering
                props.put("log.flush.interval.messages", "1");
            }
            // a lone broker on a laptop: small segments so compaction of catalog topics is visible
            props.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
            Path config = dataDir.resolve("server.properties");
            try (OutputStream out = Files.newOutputStream(config)) {
                props.store(out, "RDZ local Kafka broker (KRaft), written by " + KafkaBroker.class.getName());
            }
            format(config, clusterId(dataDir));
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            KafkaBroker broker = new KafkaBroker(server, brokerPort);
            broker.createTopics(Topics.ALL);
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the Kafka broker under " + dataDir, e);
        }
    }

    /** The cluster id, chosen once per data directory and kept beside the log so that a restart finds it. */
    private static String clusterId(Path dataDir) throws IOException {
        Path file = dataDir.resolve("cluster.id");
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id);
        return id;
    }

    /** Formats the KRaft storage the first time; a formatted directory is kept as it is. */
    private static void format(Path config, String clusterId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = StorageTool.execute(
                new String[] {"format", "-t", clusterId, "-c", config.toString(), "--ignore-formatted"},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        if (code != 0) {
            throw new IllegalStateException("Kafka storage format failed: " + out.toString(StandardCharsets.UTF_8));
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Creates the topics that do not exist yet on this broker. */
    public void createTopics(List<Topics.Spec> specs) {
        createTopics(bootstrapServers(), specs);
    }

    /** Creates the topics that do not exist yet on any cluster, with their partitions and cleanup policy. */
    public static void createTopics(String bootstrapServers, List<Topics.Spec> specs) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (Topics.Spec spec : specs) {
                NewTopic topic = new NewTopic(spec.name(), spec.partitions(), (short) 1);
                if (spec.compacted()) {
                    topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                }
                try {
                    admin.createTopics(List.of(topic)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + spec.name(), e.getCause());
                    }
                }
            }
            awaitLeaders(admin, specs.stream().map(Topics.Spec::name).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Created is not yet served: wait until every partition of every topic has a leader. */
    private static void awaitLeaders(Admin admin, List<String> names) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                boolean ready = admin.describeTopics(names).allTopicNames().get().values().stream()
                        .flatMap(d -> d.partitions().stream())
                        .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
                if (ready) {
                    return;
                }
            } catch (ExecutionException notYet) {
                // UnknownTopicOrPartition while the controller propagates the new topics
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka topics have no leader after 60 s: " + names);
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
