package fr.rdz.intake.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.ConnectionString;
import fr.rdz.events.CatalogStatus;
import fr.rdz.events.Entity;
import fr.rdz.events.FormSnapshot;
import fr.rdz.events.Product;
import fr.rdz.intake.catalog.mongo.MongoCatalog;
import fr.rdz.intake.lead.mongo.LeadDocument;
import fr.rdz.intake.support.IntakeTestConfig;
import fr.rdz.intake.support.MutableClock;
import fr.rdz.intake.support.TcpProxy;
import fr.rdz.stack.RdzTestStack;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Spec §12 / issue 13 §6: with MongoDB unreachable (a TCP proxy in front of the test stack's Mongo,
 * cut: connections dropped and refused, as when mongod stops), public endpoints answer 503 with a
 * French message within the documented bound (the 5 s public deadline; the driver gives up server
 * selection after 3 s); retries carrying the same {@code submission_id} store one lead, and a repeat
 * answers it. Its own context (its own Mongo connection; catalog listeners off, the form saved into
 * its catalog directly), so that cutting the database disturbs no other test.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "rdz.intake.rate-limit.enabled=false",
            "spring.kafka.listener.auto-startup=false",
            "logging.level.org.mongodb.driver=ERROR",
            "logging.level.fr.rdz.intake.lead.application.RelayingReceivedLeads=OFF",
            "logging.level.fr.rdz.intake.inbound.web.PublicErrors=OFF"
        })
@ActiveProfiles("test")
@Import(IntakeTestConfig.class)
class MongoOutageIT {

    private static final String FORM = "PV-OUTAGE-1";
    /** The documented bound (public deadline 5 s) plus room for a loaded test machine. */
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(8);

    private static TcpProxy proxy;

    @LocalServerPort
    int port;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    MongoCatalog catalog;

    @Autowired
    MutableClock clock;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RdzTestStack stack = RdzTestStack.get();
        String target = new ConnectionString(stack.mongoUri("x")).getHosts().get(0);
        int colon = target.lastIndexOf(':');
        proxy = new TcpProxy(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)));
        registry.add("spring.kafka.bootstrap-servers", stack::kafkaBootstrapServers);
        registry.add(
                "spring.data.mongodb.uri", () -> "mongodb://127.0.0.1:" + proxy.port() + "/rdz_intake_mongo_outage");
    }

    @AfterAll
    static void closeProxy() {
        proxy.close();
    }

    @Test
    void answers503InBoundedTimeWhileMongoIsDownAndRetriesOfASubmissionStoreOneLead() {
        catalog.save(new FormSnapshot(
                        FORM, Entity.ZR7, Product.PV, "outage form", null, null, CatalogStatus.ACTIVE, Instant.now()))
                .block(Duration.ofSeconds(10));
        WebClient client = WebClient.create("http://127.0.0.1:" + port);

        // a retry of a stored submission, after the double-submit window, answers the original lead
        Map<String, Object> stored = lead();
        Answer first = submit(client, stored);
        assertThat(first.status()).isEqualTo(201);
        clock.advance(Duration.ofSeconds(6));
        Answer repeat = submit(client, stored);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.body().path("lead_id").asText())
                .isEqualTo(first.body().path("lead_id").asText());
        assertThat(repeat.body().path("status").asText()).isEqualTo("pending");
        assertThat(leadsOf(stored)).hasSize(1);

        List<Map<String, Object>> leads =
                Flux.range(0, 10).map(i -> lead()).collectList().block();
        proxy.cut();
        List<Answer> during;
        Answer session;
        try {
            during = Flux.fromIterable(leads)
                    .flatMap(
                            lead -> Mono.fromCallable(() -> submit(client, lead))
                                    .subscribeOn(Schedulers.boundedElastic()),
                            10)
                    .collectList()
                    .block(Duration.ofSeconds(60));
            session = timed(() -> client.post()
                    .uri("/public/track/session")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("lp_code", "LP-OUTAGE"))
                    .exchangeToMono(r -> r.toEntity(JsonNode.class))
                    .block(Duration.ofSeconds(60)));
        } finally {
            proxy.restore();
        }

        assertThat(during).hasSize(10).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(503);
            assertThat(a.elapsed()).isLessThan(ANSWER_BOUND);
            assertThat(a.body().path("message").asText())
                    .isEqualTo("Service momentanément indisponible, merci de réessayer dans quelques secondes.");
            assertThat(a.retryAfter()).isEqualTo("5");
        });
        System.out.printf(
                "MongoOutageIT: 503 answers in %s (slowest of 10 submissions), session call in %s%n",
                during.stream().map(Answer::elapsed).max(Duration::compareTo).orElseThrow(), session.elapsed());
        assertThat(session.status()).isEqualTo(503);
        assertThat(session.elapsed()).isLessThan(ANSWER_BOUND);

        // the page retries each submission with its submission_id until it is answered
        clock.advance(Duration.ofSeconds(6));
        for (Map<String, Object> lead : leads) {
            Answer[] answered = new Answer[1];
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        answered[0] = submit(client, lead);
                        return answered[0].status() < 300;
                    });
            List<LeadDocument> one = leadsOf(lead);
            assertThat(one).as("one lead per submission").hasSize(1);
            assertThat(answered[0].body().path("lead_id").asText())
                    .isEqualTo(one.get(0).id());

            Answer again = submit(client, lead);
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.body().path("lead_id").asText())
                    .isEqualTo(one.get(0).id());
            assertThat(leadsOf(lead)).hasSize(1);
        }
    }

    private List<LeadDocument> leadsOf(Map<String, Object> lead) {
        return mongo.find(Query.query(Criteria.where("phone").is(lead.get("phone"))), LeadDocument.class)
                .collectList()
                .block(Duration.ofSeconds(30));
    }

    private record Answer(int status, JsonNode body, String retryAfter, Duration elapsed) {}

    private static Answer submit(WebClient client, Map<String, Object> lead) {
        return timed(() -> client.post()
                .uri("/public/leads")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(lead)
                .exchangeToMono(r -> r.toEntity(JsonNode.class))
                .block(Duration.ofSeconds(60)));
    }

    private static Answer timed(java.util.function.Supplier<org.springframework.http.ResponseEntity<JsonNode>> call) {
        long start = System.nanoTime();
        var entity = call.get();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new Answer(
                entity.getStatusCode().value(),
                entity.getBody(),
                entity.getHeaders().getFirst(HttpHeaders.RETRY_AFTER),
                elapsed);
    }

    private static Map<String, Object> lead() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("submission_id", UUID.randomUUID().toString());
        body.put("session_id", UUID.randomUUID().toString());
        body.put("form_code", FORM);
        body.put("phone", "07" + (12_000_000 + ThreadLocalRandom.current().nextInt(80_000_000)));
        body.put("nom", "Panne");
        body.put("code_postal", "69003");
        body.put("rgpd_consent", true);
        return body;
    }
}
