package fr.rdz.intake.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import fr.rdz.intake.lead.application.LeadOutbox;
import fr.rdz.intake.lead.mongo.LeadDocument;
import fr.rdz.intake.support.IntakeTestConfig;
import fr.rdz.intake.support.LeadEvents;
import fr.rdz.stack.KafkaBroker;
import fr.rdz.stack.RdzTestStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * Zero loss with Kafka away: a broker of this test's own (same port and directory on restart) is
 * stopped for 60 s while 200 leads are submitted. Every submission is answered 201 and stored;
 * once the broker is back, the outbox sweep publishes all of them. Its own Spring context, so that
 * stopping this broker disturbs no other test.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "rdz.intake.rate-limit.enabled=false",
            "rdz.intake.outbox.sweep-interval=1s",
            "spring.kafka.producer.properties[delivery.timeout.ms]=12000",
            "spring.kafka.producer.properties[request.timeout.ms]=4000",
            "spring.kafka.producer.properties[max.block.ms]=2000",
            "logging.level.org.apache.kafka.clients.NetworkClient=ERROR",
            "logging.level.fr.rdz.kit.MaskingProducerListener=ERROR"
        })
@ActiveProfiles("test")
@Import(IntakeTestConfig.class)
class KafkaOutageIT {

    private static final int LEADS = 200;
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("rdz.it.kafka-outage-seconds", 60));

    private static Path kafkaDir;
    private static KafkaBroker broker;

    @LocalServerPort
    int port;

    @Autowired
    ReactiveMongoTemplate mongo;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        try {
            kafkaDir = Files.createTempDirectory("intake-outage-kafka");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        broker = KafkaBroker.start(0, kafkaDir);
        String bootstrap = broker.bootstrapServers();
        registry.add("spring.kafka.bootstrap-servers", () -> bootstrap);
        registry.add("spring.data.mongodb.uri", () -> RdzTestStack.get().mongoUri("rdz_intake_outage"));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void answers201WhileKafkaIsDownAndPublishesEveryLeadOnceItIsBack() {
        WebClient client = WebClient.create("http://127.0.0.1:" + port);
        String before = leadId(submit(client, 0).getBody());
        try (LeadEvents events = new LeadEvents(broker.bootstrapServers())) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> !events.forLead(before).isEmpty());
        }

        int brokerPort = broker.port();
        broker.close();
        // 200 submissions spread over the whole outage
        List<ResponseEntity<JsonNode>> answers = Flux.interval(OUTAGE.dividedBy(LEADS))
                .take(LEADS)
                .onBackpressureBuffer()
                .concatMap(i -> client.post()
                        .uri("/public/leads")
                        .bodyValue(lead(i.intValue() + 1))
                        .retrieve()
                        .toEntity(JsonNode.class))
                .collectList()
                .block(OUTAGE.plusSeconds(60));

        assertThat(answers).hasSize(LEADS);
        assertThat(answers)
                .allSatisfy(a -> assertThat(a.getStatusCode().value()).isEqualTo(201));
        Set<String> submitted = answers.stream().map(a -> leadId(a.getBody())).collect(Collectors.toSet());
        assertThat(submitted).hasSize(LEADS);
        assertThat(stored(submitted))
                .hasSize(LEADS)
                .allSatisfy(l -> assertThat(l.outbox().state()).isEqualTo(LeadOutbox.PENDING));

        broker = KafkaBroker.start(brokerPort, kafkaDir);

        try (LeadEvents events = new LeadEvents(broker.bootstrapServers())) {
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> events.all().stream()
                            .map(LeadEvents.Read::leadId)
                            .collect(Collectors.toSet())
                            .containsAll(submitted));
            Set<String> eventIds = new HashSet<>();
            events.all().stream()
                    .filter(r -> submitted.contains(r.leadId()))
                    .forEach(r -> eventIds.add(r.envelope().eventId().toString()));
            // retries may repeat an event, always with the same event id: one event id per lead
            assertThat(eventIds).hasSize(LEADS);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> stored(submitted).stream()
                .allMatch(l -> l.outbox().state().equals(LeadOutbox.PUBLISHED)));
        List<LeadDocument> all = mongo.findAll(LeadDocument.class).collectList().block();
        assertThat(all).hasSize(LEADS + 1);
        assertThat(all.stream().map(LeadDocument::phone).distinct()).hasSize(LEADS + 1);
    }

    private ResponseEntity<JsonNode> submit(WebClient client, int n) {
        return client.post()
                .uri("/public/leads")
                .bodyValue(lead(n))
                .retrieve()
                .toEntity(JsonNode.class)
                .block();
    }

    private List<LeadDocument> stored(Set<String> ids) {
        return mongo.find(
                        org.springframework.data.mongodb.core.query.Query.query(
                                org.springframework.data.mongodb.core.query.Criteria.where("_id")
                                        .in(ids)),
                        LeadDocument.class)
                .collectList()
                .block(Duration.ofSeconds(30));
    }

    private static String leadId(JsonNode answer) {
        return answer.path("lead_id").asText();
    }

    private static Map<String, Object> lead(int n) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("session_id", UUID.randomUUID().toString());
        body.put("form_code", "PV-001");
        body.put("phone", String.format("07%08d", 31_000_000 + n * 7));
        body.put("nom", "Lead " + n);
        body.put("departement", "69");
        return body;
    }
}
