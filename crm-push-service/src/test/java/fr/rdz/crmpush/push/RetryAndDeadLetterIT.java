package fr.rdz.crmpush.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.rdz.crmpush.CrmPushIntegrationTest;
import fr.rdz.crmpush.push.web.CrmHttpGateway;
import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.DeliveryOutcome;
import fr.rdz.events.OutcomeStatus;
import fr.rdz.stack.RdzTestStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jetbrains.annotations.NotNull;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Retries through the retry topics (delays shortened by configuration), the DLT, and replays that never push twice. */
class RetryAndDeadLetterIT extends CrmPushIntegrationTest {

    private static final String API_KEY = "crm_secret_key_ABCDEFGH";

    @Autowired
    private CrmHttpGateway gateway;

    private final MockWebServer crm = new MockWebServer();
    private final AtomicInteger answer = new AtomicInteger(503);

    @BeforeEach
    void start() throws Exception {
        crm.setDispatcher(new Dispatcher() {
            @NotNull
            @Override
            public MockResponse dispatch(@NotNull RecordedRequest request) {
                return new MockResponse().setResponseCode(answer.get()).setBody("{\"status\": " + answer.get() + "}");
            }
        });
        crm.start();
    }

    @AfterEach
    void stop() throws Exception {
        crm.shutdown();
    }

    @Test
    void retriesTwoServerErrorsThenSucceedsOnceAfterThreeAttempts() throws Exception {
        crm.setDispatcher(new okhttp3.mockwebserver.QueueDispatcher());
        crm.enqueue(new MockResponse().setResponseCode(503).setBody("indisponible"));
        crm.enqueue(new MockResponse().setResponseCode(500).setBody("erreur"));
        crm.enqueue(new MockResponse().setResponseCode(201).setBody("{\"id\": 1}"));
        String client = unique("c-retry");
        String batch = unique("b-retry");
        publish(batch(
                batch,
                client,
                DeliveryChannel.API,
                crm.url("/lead").toString(),
                API_KEY,
                List.of(lead(batch + "-l1", "0644444441"))));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> outcomesOf(client).stream().anyMatch(o -> o.status() == OutcomeStatus.SUCCESS));
        List<DeliveryOutcome> outcomes = outcomesOf(client);
        assertThat(outcomes)
                .extracting(DeliveryOutcome::status)
                .containsExactly(OutcomeStatus.RETRYING, OutcomeStatus.RETRYING, OutcomeStatus.SUCCESS);
        assertThat(outcomes).extracting(DeliveryOutcome::attempts).containsExactly(1, 2, 3);
        assertThat(outcomes.get(0).reason()).contains("503");
        assertThat(crm.getRequestCount()).isEqualTo(3);
    }

    @Test
    void deadLettersAfterTheLastAttemptThenAReplayPushesOnceAndNeverTwice() throws Exception {
        String client = unique("c-dlt");
        String batch = unique("b-dlt");
        String leadId = batch + "-l1";
        String id = batch + ":" + leadId;
        publish(batch(
                batch,
                client,
                DeliveryChannel.API,
                crm.url("/lead").toString(),
                API_KEY,
                List.of(lead(leadId, "0655555551"))));

        // 1 + 5 retries, then the DLT
        await().atMost(Duration.ofSeconds(90))
                .until(() -> outcomesOf(client).stream().anyMatch(o -> o.status() == OutcomeStatus.DEAD_LETTERED));
        assertThat(crm.getRequestCount()).isEqualTo(6);
        assertThat(outcomesOf(client))
                .extracting(DeliveryOutcome::status)
                .containsExactly(
                        OutcomeStatus.RETRYING,
                        OutcomeStatus.RETRYING,
                        OutcomeStatus.RETRYING,
                        OutcomeStatus.RETRYING,
                        OutcomeStatus.RETRYING,
                        OutcomeStatus.DEAD_LETTERED);
        assertThat(outcomesOf(client).get(5).attempts()).isEqualTo(6);

        String listed = admin().get()
                .uri("/admin/dead-letters?client_id=" + client)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].id")
                .isEqualTo(id)
                .jsonPath("$[0].lead_id")
                .isEqualTo(leadId)
                .jsonPath("$[0].client_id")
                .isEqualTo(client)
                .jsonPath("$[0].attempts")
                .isEqualTo(6)
                .jsonPath("$[0].status")
                .isEqualTo("open")
                .jsonPath("$[0].last_error")
                .value(e -> assertThat((String) e).contains("503"))
                .returnResult()
                .toString();
        assertThat(listed).doesNotContain(API_KEY).doesNotContain("v1:").doesNotContain("0655555551");

        // the CRM is back: one replay, exactly one success
        answer.set(201);
        admin().post()
                .uri("/admin/dead-letters/replay")
                .bodyValue(Map.of("id", id))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.replayed")
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> outcomesOf(client).stream().anyMatch(o -> o.status() == OutcomeStatus.SUCCESS));
        assertThat(crm.getRequestCount()).isEqualTo(7);
        // the outcome is published, then the dead letter resolved: an operator may see "replayed" for a moment
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> admin().get()
                .uri("/admin/dead-letters?client_id=" + client)
                .exchange()
                .expectBody()
                .jsonPath("$[0].status")
                .isEqualTo("resolved")
                .jsonPath("$[0].replay_count")
                .isEqualTo(1));

        // replaying it again, by id, by client, and as Kafka UI would (the DLT record with its headers): no POST
        admin().post()
                .uri("/admin/dead-letters/replay")
                .bodyValue(Map.of("id", id))
                .exchange()
                .expectStatus()
                .isOk();
        admin().post()
                .uri("/admin/dead-letters/replay")
                .bodyValue(Map.of("client_id", client))
                .exchange()
                .expectBody()
                .jsonPath("$.replayed")
                .isEqualTo(0);
        copyFromDeadLetterTopicWithHeaders(batch);
        await().atMost(Duration.ofSeconds(30)).until(() -> consumedAll(List.of(TASKS)));
        assertThat(crm.getRequestCount()).isEqualTo(7);
        assertThat(outcomesOf(client).stream().filter(o -> o.status() == OutcomeStatus.SUCCESS))
                .hasSize(1);
    }

    @Test
    void aDeadLetterCopiedWithItsHeadersOntoTheTaskTopicStartsAFreshCycle() throws Exception {
        String client = unique("c-ui");
        String batch = unique("b-ui");
        String url = crm.url("/lead").toString();
        publish(batch(batch, client, DeliveryChannel.API, url, API_KEY, List.of(lead(batch + "-l1", "0666666661"))));
        await().atMost(Duration.ofSeconds(90))
                .until(() -> outcomesOf(client).stream().anyMatch(o -> o.status() == OutcomeStatus.DEAD_LETTERED));
        assertThat(crm.getRequestCount()).isEqualTo(6);

        // later: the circuit has closed again and the CRM fails twice more before answering 201. Copied with its
        // headers (attempts = 6), the record would go straight back to the DLT on its first failure; it does not:
        // the task topic drops the retry headers and the record gets a full cycle of retries again.
        gateway.circuitBreaker(url).reset();
        AtomicInteger calls = new AtomicInteger();
        crm.setDispatcher(new Dispatcher() {
            @NotNull
            @Override
            public MockResponse dispatch(@NotNull RecordedRequest request) {
                return new MockResponse().setResponseCode(calls.incrementAndGet() <= 2 ? 502 : 201);
            }
        });
        copyFromDeadLetterTopicWithHeaders(batch);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> outcomesOf(client).stream().anyMatch(o -> o.status() == OutcomeStatus.SUCCESS));
        assertThat(crm.getRequestCount()).isEqualTo(9);
        List<DeliveryOutcome> outcomes = outcomesOf(client);
        assertThat(outcomes.subList(5, outcomes.size()))
                .extracting(DeliveryOutcome::status)
                .containsExactly(
                        OutcomeStatus.DEAD_LETTERED,
                        OutcomeStatus.RETRYING,
                        OutcomeStatus.RETRYING,
                        OutcomeStatus.SUCCESS);
        assertThat(outcomes.get(outcomes.size() - 1).attempts()).isEqualTo(9);
    }

    /** What an operator does in Kafka UI: copy the DLT record (value, key, headers) onto the task topic. */
    private static void copyFromDeadLetterTopicWithHeaders(String batchId) {
        String servers = RdzTestStack.get().kafkaBootstrapServers();
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                servers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "it-kafka-ui-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(TASKS + ".crm-push-service.dlt"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (new String(r.value()).contains(batchId)) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
        }
        ConsumerRecord<String, byte[]> dead = found.get(found.size() - 1);
        assertThat(dead.headers().lastHeader("retry_topic-attempts")).isNotNull();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(TASKS, null, dead.key(), dead.value(), dead.headers()));
            producer.flush();
        }
    }
}
