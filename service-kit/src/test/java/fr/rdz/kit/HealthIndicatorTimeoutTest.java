package fr.rdz.kit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * During an outage the database or broker may accept connections and never answer (a hung
 * process, a dropped route): the health checks still answer DOWN within their bound.
 */
class HealthIndicatorTimeoutTest {

    /**
     * DOWN because the check gave up at its own bound (2 s, under the 3 s a load balancer or orchestrator probe
     * typically allows), not at the driver's (30 s for Mongo's server selection, 60 s for Kafka's API calls): a
     * timing assertion would fail on a loaded machine, the cause does not.
     */
    private static void assertGaveUpAtItsOwnBound(Health health) {
        assertThat(String.valueOf(health.getDetails().get("error")))
                .containsAnyOf("TimeoutException", "timed out")
                .containsAnyOf("2000ms", "2000 ms", "Timed out waiting", "deadline");
    }

    private ServerSocket blackHole;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    @BeforeEach
    void openBlackHole() throws IOException {
        blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!blackHole.isClosed()) {
                try {
                    held.add(blackHole.accept()); // accepted, never answered
                } catch (IOException closed) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void close() throws IOException {
        blackHole.close();
        for (Socket s : held) {
            s.close();
        }
    }

    @Test
    void mongoThatNeverAnswersIsDownWithinTheProbeTimeout() {
        try (MongoClient client =
                MongoClients.create("mongodb://127.0.0.1:" + blackHole.getLocalPort() + "/rdz_test")) {
            MongoPingHealthIndicator indicator =
                    new MongoPingHealthIndicator(new ReactiveMongoTemplate(client, "rdz_test"));

            Health health = indicator.health().block(Duration.ofSeconds(30));

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertGaveUpAtItsOwnBound(health);
        }
    }

    @Test
    void kafkaThatNeverAnswersIsDownWithinTheProbeTimeout() {
        KafkaProperties properties = new KafkaProperties();
        properties.setBootstrapServers(List.of("127.0.0.1:" + blackHole.getLocalPort()));
        KafkaHealthIndicator indicator = new KafkaHealthIndicator(properties);
        try {
            Health health = indicator.health().block(Duration.ofSeconds(30));

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertGaveUpAtItsOwnBound(health);
        } finally {
            indicator.destroy();
        }
    }

    @Test
    void kafkaThatIsGoneIsDownWithinTheProbeTimeout() throws IOException {
        int port = blackHole.getLocalPort();
        blackHole.close(); // connection refused
        KafkaProperties properties = new KafkaProperties();
        properties.setBootstrapServers(List.of("127.0.0.1:" + port));
        KafkaHealthIndicator indicator = new KafkaHealthIndicator(properties);
        try {
            Health health = indicator.health().block(Duration.ofSeconds(30));

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertGaveUpAtItsOwnBound(health);
        } finally {
            indicator.destroy();
        }
    }
}
