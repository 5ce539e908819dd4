package fr.rdz.crmpush;

import fr.rdz.events.BatchClient;
import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.DeliveryOutcome;
import fr.rdz.events.DeliveryPlanned;
import fr.rdz.events.Entity;
import fr.rdz.events.Envelope;
import fr.rdz.events.EventCodec;
import fr.rdz.events.EventSamples;
import fr.rdz.events.LeadContact;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadKind;
import fr.rdz.events.PlannedLead;
import fr.rdz.events.Product;
import fr.rdz.events.SecretBox;
import fr.rdz.events.Topics;
import fr.rdz.stack.RdzTestStack;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of every crm-push-service integration test: the real service context against the shared test stack
 * (real KRaft broker, Mongo wire server). One configuration, so Spring caches one context. Helpers: planned
 * batches with real {@link SecretBox} keys (the test key of application-test.yml), every published
 * {@code DeliveryOutcome}, and "the service has consumed everything" from the group's committed offsets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class CrmPushIntegrationTest {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin";
    public static final String TEST_API_KEY_SECRET = "cmR6LXRlc3Qtb25seS1hcGkta2V5LWJveC0zMmJ5dGU=";
    public static final String TASKS = "rdz.crm-push.tasks.v1";
    public static final String GROUP = "crm-push-service";

    protected static final SecretBox BOX = new SecretBox(TEST_API_KEY_SECRET);
    protected static final List<DeliveryOutcome> OUTCOMES = new CopyOnWriteArrayList<>();
    private static Thread outcomeReader;

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected KafkaTemplate<String, Envelope<?>> kafka;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RdzTestStack.register(registry, "rdz_crm_push");
        startOutcomeReader();
    }

    protected WebTestClient admin() {
        return web.mutate()
                .defaultHeaders(h -> h.setBasicAuth(ADMIN, ADMIN_PASSWORD))
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    /** A lead like the contract sample, with its own id and phone. */
    protected static LeadData lead(String leadId, String phone) {
        LeadData s = EventSamples.aLead();
        LeadContact c = s.contact();
        return new LeadData(
                leadId,
                s.receivedAt(),
                s.entity(),
                s.product(),
                new LeadContact(
                        phone,
                        c.civilite(),
                        c.nom(),
                        c.prenom(),
                        c.email(),
                        c.codePostal(),
                        c.departement(),
                        c.ville(),
                        c.adresse()),
                s.project(),
                s.source(),
                s.consent());
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static DeliveryPlanned batch(
            String batchId,
            String clientId,
            DeliveryChannel channel,
            String apiUrl,
            String apiKey,
            List<LeadData> leads) {
        return new DeliveryPlanned(
                batchId,
                "run-ZR7-2026-11-20",
                LocalDate.parse("2026-11-20"),
                Entity.ZR7,
                Product.PV,
                "cmd-" + clientId,
                new BatchClient(
                        clientId,
                        "Client " + clientId,
                        List.of("leads@example.fr"),
                        channel,
                        apiUrl,
                        apiKey == null ? null : BOX.encrypt(apiKey)),
                leads.stream()
                        .map(l -> new PlannedLead(l, LeadKind.FRESH, false))
                        .toList());
    }

    protected void publish(DeliveryPlanned planned) throws Exception {
        Envelope<?> envelope = Envelope.of(planned, "delivery-service", EventSamples.AT);
        kafka.send(envelope.topic(), envelope.key(), envelope).get();
    }

    protected static List<DeliveryOutcome> outcomesOf(String clientId) {
        return OUTCOMES.stream().filter(o -> clientId.equals(o.clientId())).toList();
    }

    /** True when the service's group has committed every record of these topics. */
    protected static boolean consumedAll(Collection<String> topics) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RdzTestStack.get().kafkaBootstrapServers()))) {
            Map<String, org.apache.kafka.clients.admin.TopicDescription> described =
                    admin.describeTopics(topics).allTopicNames().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            described.values().forEach(d -> d.partitions()
                    .forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = admin.listOffsets(latest).all().get().entrySet().stream()
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, e -> e.getValue().offset()));
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata()
                    .get();
            return ends.entrySet().stream()
                    .allMatch(e -> e.getValue() == 0
                            || (committed.get(e.getKey()) != null
                                    && committed.get(e.getKey()).offset() >= e.getValue()));
        } catch (Exception e) {
            return false;
        }
    }

    private static synchronized void startOutcomeReader() {
        if (outcomeReader != null) {
            return;
        }
        String servers = RdzTestStack.get().kafkaBootstrapServers();
        outcomeReader = new Thread(
                () -> {
                    Map<String, Object> config = Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            servers,
                            ConsumerConfig.GROUP_ID_CONFIG,
                            "crm-push-it-outcomes-" + UUID.randomUUID(),
                            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                            "earliest",
                            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                            StringDeserializer.class,
                            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                            ByteArrayDeserializer.class);
                    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
                        consumer.subscribe(Set.of(Topics.DELIVERY_OUTCOME));
                        while (!Thread.currentThread().isInterrupted()) {
                            List<DeliveryOutcome> batch = new ArrayList<>();
                            consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                                if (EventCodec.decode(r.value()).payload() instanceof DeliveryOutcome o) {
                                    batch.add(o);
                                }
                            });
                            OUTCOMES.addAll(batch);
                        }
                    } catch (org.apache.kafka.common.errors.InterruptException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "it-outcome-reader");
        outcomeReader.setDaemon(true);
        outcomeReader.start();
    }
}
