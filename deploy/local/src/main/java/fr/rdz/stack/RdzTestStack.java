package fr.rdz.stack;

import fr.rdz.events.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opentest4j.TestAbortedException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The infrastructure of every integration test, started once per test JVM and shared by all
 * Spring contexts in it. One switch, same tests: by default the embedded stack (real KRaft
 * broker, Mongo wire server, SMTP catcher, no Docker); with {@code -Drdz.it.stack=testcontainers}
 * real {@code apache/kafka} and {@code mongo} containers, and without a Docker engine those runs
 * are skipped (aborted), never failed.
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry registry) {
 *     RdzTestStack.register(registry, "routing");
 * }
 * }</pre>
 */
public final class RdzTestStack {

    public static final String KAFKA_IMAGE = "apache/kafka:3.9.2";
    public static final String MONGO_IMAGE = "mongo:7.0.16";

    private static RdzTestStack instance;

    private final String kafkaBootstrapServers;
    private final String mongoBaseUri;
    private final EmbeddedStack embedded;

    private RdzTestStack(String kafkaBootstrapServers, String mongoBaseUri, EmbeddedStack embedded) {
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.mongoBaseUri = mongoBaseUri;
        this.embedded = embedded;
    }

    public static synchronized RdzTestStack get() {
        if (instance == null) {
            instance =
                    "testcontainers".equals(System.getProperty("rdz.it.stack")) ? startContainers() : startEmbedded();
        }
        return instance;
    }

    /**
     * Registers {@code spring.kafka.bootstrap-servers} and {@code spring.data.mongodb.uri} (one database per service),
     * and {@link SendingThreads} on every producer.
     */
    public static void register(DynamicPropertyRegistry registry, String database) {
        RdzTestStack stack = get();
        registry.add("spring.kafka.bootstrap-servers", stack::kafkaBootstrapServers);
        registry.add("spring.data.mongodb.uri", () -> stack.mongoUri(database));
        registry.add("spring.kafka.producer.properties[interceptor.classes]", SendingThreads.class::getName);
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public String mongoUri(String database) {
        return mongoBaseUri + database;
    }

    /** The embedded stack, or null when running on containers. */
    public EmbeddedStack embedded() {
        return embedded;
    }

    private static RdzTestStack startEmbedded() {
        try {
            Path dir = Files.createTempDirectory("rdz-it-stack");
            EmbeddedStack stack = EmbeddedStack.forTests(dir);
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "rdz-it-stack-shutdown"));
            return new RdzTestStack(
                    stack.kafka().bootstrapServers(), stack.mongo().uri(""), stack);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RdzTestStack startContainers() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new TestAbortedException("rdz.it.stack=testcontainers but no Docker engine is available");
        }
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
        kafka.start();
        mongo.start();
        KafkaBroker.createTopics(kafka.getBootstrapServers(), Topics.ALL);
        String replicaSetUrl = mongo.getReplicaSetUrl("x");
        String base = replicaSetUrl.substring(0, replicaSetUrl.lastIndexOf('/') + 1);
        return new RdzTestStack(kafka.getBootstrapServers(), base, null);
    }
}
