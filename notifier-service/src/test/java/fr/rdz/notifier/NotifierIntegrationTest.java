package fr.rdz.notifier;

import fr.rdz.events.DeliveryOutcome;
import fr.rdz.events.DeliveryPlanned;
import fr.rdz.events.Envelope;
import fr.rdz.events.EventCodec;
import fr.rdz.events.Topics;
import fr.rdz.notifier.email.kafka.DeliveryPlannedListener;
import fr.rdz.stack.RdzTestStack;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of every notifier-service integration test: the real service context against the shared test stack
 * (real KRaft broker, Mongo wire server) and one GreenMail server per entity SMTP account. One
 * configuration, so Spring caches one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class NotifierIntegrationTest {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin";

    /** The ZR7 and MDL accounts, each on its own server: a message proves which account sent it. */
    protected static final TestSmtp ZR7_SMTP = new TestSmtp("zr7-sender", "zr7-secret", "livraison@zr7.local");

    protected static final TestSmtp MDL_SMTP = new TestSmtp("mdl-sender", "mdl-secret", "livraison@mdl.local");

    private static TopicProbe outcomes;
    private static TopicProbe deadLetters;

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected KafkaTemplate<String, Envelope<?>> kafka;

    @Autowired
    protected ReactiveMongoTemplate mongo;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RdzTestStack.register(registry, "rdz_notifier");
        registry.add("rdz.notifier.entities.ZR7.smtp.port", ZR7_SMTP::port);
        registry.add("rdz.notifier.entities.MDL.smtp.port", MDL_SMTP::port);
    }

    protected WebTestClient admin() {
        return web.mutate()
                .defaultHeaders(h -> h.setBasicAuth(ADMIN, ADMIN_PASSWORD))
                .build();
    }

    protected static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    protected Envelope<DeliveryPlanned> planned(DeliveryPlanned batch) {
        return Envelope.of(batch, "delivery-service", Instant.parse("2026-11-20T08:30:00Z"));
    }

    protected void publish(Envelope<?> envelope) throws Exception {
        kafka.send(Topics.DELIVERY_PLANNED, envelope.key(), envelope).get(10, TimeUnit.SECONDS);
    }

    /** Every outcome published for a batch, in order. */
    protected static List<DeliveryOutcome> outcomesOf(String batchId) {
        return probe(Topics.DELIVERY_OUTCOME).records().stream()
                .map(r -> EventCodec.decode(r.value()).payload())
                .filter(p -> p instanceof DeliveryOutcome o && batchId.equals(o.batchId()))
                .map(DeliveryOutcome.class::cast)
                .toList();
    }

    /** Every dead-letter record of a batch. */
    protected static List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> deadLettersOf(
            String batchId) {
        return probe(DeliveryPlannedListener.DLT).records().stream()
                .filter(r -> r.value() != null
                        && EventCodec.decode(r.value()).payload() instanceof DeliveryPlanned b
                        && batchId.equals(b.batchId()))
                .toList();
    }

    /** The sent-mail record of a batch, as stored. */
    protected Document sentMail(String batchId) {
        return mongo.getCollection("sent_mails")
                .flatMap(c -> reactor.core.publisher.Mono.from(
                        c.find(new Document("_id", batchId)).first()))
                .block(Duration.ofSeconds(10));
    }

    private static synchronized TopicProbe probe(String topic) {
        String servers = RdzTestStack.get().kafkaBootstrapServers();
        if (topic.equals(Topics.DELIVERY_OUTCOME)) {
            if (outcomes == null) {
                outcomes = new TopicProbe(servers, topic);
            }
            return outcomes;
        }
        if (deadLetters == null) {
            deadLetters = new TopicProbe(servers, topic);
        }
        return deadLetters;
    }
}
