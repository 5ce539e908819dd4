package fr.rdz.delivery;

import static fr.rdz.delivery.DeliveryFixtures.client;
import static fr.rdz.delivery.DeliveryFixtures.commande;
import static fr.rdz.delivery.DeliveryFixtures.routed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import fr.rdz.delivery.mongo.MongoCollections;
import fr.rdz.events.DeliveryPlanned;
import fr.rdz.events.LeadDelivered;
import fr.rdz.events.RoutingState;
import fr.rdz.events.Topics;
import fr.rdz.stack.RdzTestStack;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Two delivery-service instances (this test's context and a second application context on another
 * port, same broker and Mongo) asked for the same entity-date at the same time: one run, each lead
 * delivered once.
 */
class RunExactlyOnceIT extends DeliveryIntegrationTest {

    private static final LocalDate DATE = LocalDate.of(2030, 2, 5);
    private static final String DEP = "03";

    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startSecondInstance() {
        RdzTestStack stack = RdzTestStack.get();
        second = new SpringApplicationBuilder(DeliveryApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrapServers(),
                        "--spring.data.mongodb.uri=" + stack.mongoUri("rdz_delivery"),
                        "--rdz.delivery.instance-id=second-instance");
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void twoInstancesTriggeredAtOnceMakeOneRunAndDeliverEachLeadOnce() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String clientId = "cl-once-" + suffix;
        String commandeId = "cmd-once-" + suffix;
        publish(client(clientId));
        publish(commande(commandeId, clientId, DEP, DATE, 5));
        Instant received = Instant.parse("2030-02-04T10:00:00Z");
        for (int i = 0; i < 8; i++) {
            publish(routed(
                    "once-" + suffix + "-" + i, "063000000" + i, DEP, received.plusSeconds(i), RoutingState.FRESH));
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> count(MongoCollections.POOL, Filters.regex("_id", "^once-" + suffix)) == 8
                        && count(MongoCollections.COMMANDES, Filters.eq("_id", commandeId)) == 1
                        && count(MongoCollections.CLIENTS, Filters.eq("_id", clientId)) == 1);

        int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
        WebTestClient other = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + secondPort)
                .responseTimeout(Duration.ofMinutes(2))
                .defaultHeaders(h -> h.setBasicAuth(ADMIN, ADMIN_PASSWORD))
                .build();
        WebTestClient mine =
                admin().mutate().responseTimeout(Duration.ofMinutes(2)).build();
        Map<String, Object> body = Map.of("entity", "ZR7", "date", DATE.toString(), "dry_run", false);

        var answers = Mono.zip(
                        Mono.fromCallable(() -> post(mine, body)).subscribeOn(Schedulers.boundedElastic()),
                        Mono.fromCallable(() -> post(other, body)).subscribeOn(Schedulers.boundedElastic()))
                .block(Duration.ofMinutes(3));

        assertThat(answers.getT1().get("id")).isEqualTo("run-ZR7-" + DATE);
        assertThat(answers.getT2().get("id")).isEqualTo("run-ZR7-" + DATE);
        List<Object> leads = DeliveryFixtures.leadIdsOf(answers.getT1(), commandeId);
        assertThat(leads).hasSize(5);
        assertThat(DeliveryFixtures.leadIdsOf(answers.getT2(), commandeId)).isEqualTo(leads);
        assertThat(count(MongoCollections.RUNS, Filters.eq("date", DATE.toString())))
                .isEqualTo(1);
        assertThat(count(MongoCollections.LEDGER, Filters.eq("commande_id", commandeId)))
                .isEqualTo(5);

        List<LeadDelivered> delivered =
                read(
                                Topics.LEAD_DELIVERED,
                                LeadDelivered.class,
                                d -> d.commandeId().equals(commandeId),
                                5)
                        .stream()
                        .map(r -> r.value().payload())
                        .toList();
        Map<String, Long> perLead =
                delivered.stream().collect(Collectors.groupingBy(LeadDelivered::leadId, Collectors.counting()));
        assertThat(perLead).hasSize(5).allSatisfy((lead, times) -> assertThat(times)
                .isEqualTo(1));
        assertThat(read(
                        Topics.DELIVERY_PLANNED,
                        DeliveryPlanned.class,
                        p -> p.commandeId().equals(commandeId),
                        1))
                .hasSize(1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> post(WebTestClient client, Map<String, Object> body) {
        return client.post()
                .uri("/admin/runs")
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }
}
