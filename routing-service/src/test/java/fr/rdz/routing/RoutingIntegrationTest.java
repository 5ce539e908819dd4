package fr.rdz.routing;

import fr.rdz.events.Envelope;
import fr.rdz.events.Topics;
import fr.rdz.stack.RdzTestStack;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of every routing-service integration test: the real service context against the shared test stack
 * (real KRaft broker, Mongo wire server) with a mutable clock. One configuration, so Spring caches one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(RoutingIntegrationTest.TestClock.class)
public abstract class RoutingIntegrationTest {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin";
    public static final Instant START = Instant.parse("2026-11-20T10:00:00Z");

    /** The service over HTTP, with a timeout generous enough for a loaded CI machine. */
    protected WebTestClient web;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected KafkaTemplate<String, Envelope<?>> kafka;

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(START);
        }
    }

    @Autowired
    void client(WebTestClient client) {
        this.web = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RdzTestStack.register(registry, "rdz_routing");
    }

    protected static EventTap tap() {
        return EventTap.start(
                RdzTestStack.get().kafkaBootstrapServers(),
                List.of(
                        Topics.LEAD_ROUTED,
                        Topics.LEAD_REJECTED,
                        Topics.PERSON_ERASED,
                        Topics.CONSENT_WITHDRAWN,
                        Topics.CATALOG_FORMS,
                        Topics.CATALOG_LPS,
                        Topics.CATALOG_CLIENTS,
                        Topics.CATALOG_COMMANDES));
    }

    protected WebTestClient admin() {
        return as(ADMIN, ADMIN_PASSWORD);
    }

    protected WebTestClient as(String user, String password) {
        return web.mutate()
                .responseTimeout(Duration.ofSeconds(30))
                .defaultHeaders(h -> h.setBasicAuth(user, password))
                .build();
    }

    protected void publish(Envelope<?> envelope) {
        kafka.send(envelope.topic(), envelope.key(), envelope).join();
    }
}
