package fr.rdz.crmpush.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.rdz.crmpush.CrmPushIntegrationTest;
import fr.rdz.crmpush.push.web.CrmHttpGateway;
import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.OutcomeStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.jetbrains.annotations.NotNull;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * The console's *Échecs* page on crm-push (issue 12): dead letters filtered by client, batch and lead with where
 * each push stands, and a replay answered per lead with the CRM's new answer.
 */
class DeadLetterReplayResultsIT extends CrmPushIntegrationTest {

    private static final String API_KEY = "crm_secret_key_REPLAYRESULTS";

    @Autowired
    private CrmHttpGateway gateway;

    private final MockWebServer crm = new MockWebServer();
    private final AtomicBoolean back = new AtomicBoolean();

    @BeforeEach
    void start() throws Exception {
        crm.setDispatcher(new Dispatcher() {
            @NotNull
            @Override
            public MockResponse dispatch(@NotNull RecordedRequest request) {
                if (!back.get()) {
                    return new MockResponse().setResponseCode(503).setBody("indisponible");
                }
                // once back: the first lead is accepted, the second refused as invalid
                return request.getBody().readUtf8().contains("0677777772")
                        ? new MockResponse().setResponseCode(400).setBody("{\"error\": \"champ manquant\"}")
                        : new MockResponse().setResponseCode(201).setBody("{\"id\": 1}");
            }
        });
        crm.start();
    }

    @AfterEach
    void stop() throws Exception {
        crm.shutdown();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReplayAnswersEachLeadsResultAndNeverPushesAFinalLeadAgain() throws Exception {
        String client = unique("c-results");
        String batch = unique("b-results");
        String url = crm.url("/lead").toString();
        String first = batch + ":" + batch + "-l1";
        String second = batch + ":" + batch + "-l2";
        publish(batch(
                batch,
                client,
                DeliveryChannel.API,
                url,
                API_KEY,
                List.of(lead(batch + "-l1", "0677777771"), lead(batch + "-l2", "0677777772"))));
        await().atMost(Duration.ofSeconds(120))
                .until(() -> outcomesOf(client).stream()
                                .filter(o -> o.status() == OutcomeStatus.DEAD_LETTERED)
                                .count()
                        == 2);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> deadLetters("?client_id=" + client).size() == 2);

        List<Map<?, ?>> one = deadLetters("?client_id=" + client + "&batch_id=" + batch + "&lead_id=" + batch + "-l1");
        assertThat(one).singleElement().satisfies(d -> {
            assertThat(d.get("id")).isEqualTo(first);
            assertThat(d.get("status")).isEqualTo("open");
            assertThat(d.get("push_status")).isEqualTo("dead_lettered");
        });
        assertThat(deadLetters("?client_id=" + client + "&entity=MDL")).isEmpty();

        back.set(true);
        gateway.circuitBreaker(url).reset();
        int before = crm.getRequestCount();
        Map<?, ?> answer = replay(Map.of("client_id", client, "wait_seconds", 25));
        assertThat(answer.get("replayed")).isEqualTo(2);
        assertThat((List<Object>) answer.get("ids")).containsExactlyInAnyOrder(first, second);
        Map<String, Map<?, ?>> results = byId((List<?>) answer.get("results"));
        assertThat(results.get(first).get("result")).isEqualTo("replayed");
        assertThat(results.get(first).get("push_status")).isEqualTo("success");
        assertThat(results.get(first).get("lead_id")).isEqualTo(batch + "-l1");
        assertThat(results.get(first).get("message")).isEqualTo("Relancé : accepté par le CRM");
        assertThat(results.get(second).get("push_status")).isEqualTo("validation_error");
        assertThat(results.get(second).get("message")).isEqualTo("Relancé : refusé par le CRM (données invalides)");
        assertThat(crm.getRequestCount()).isEqualTo(before + 2);

        // again, by id: both final, nothing re-injected, nothing POSTed; an unknown id is said so
        Map<?, ?> again = replay(Map.of("ids", List.of(first, second, "nope:nope")));
        assertThat(again.get("replayed")).isEqualTo(0);
        Map<String, Map<?, ?>> second2 = byId((List<?>) again.get("results"));
        assertThat(second2.get(first).get("result")).isEqualTo("already_final");
        assertThat(second2.get(first).get("message"))
                .isEqualTo("Déjà traité (accepté par le CRM) : rien n'a été renvoyé.");
        assertThat(second2.get(second).get("result")).isEqualTo("already_final");
        assertThat(second2.get("nope:nope").get("result")).isEqualTo("not_found");
        assertThat(crm.getRequestCount()).isEqualTo(before + 2);
        assertThat(deadLetters("?client_id=" + client + "&status=resolved")).hasSize(2);
    }

    @Test
    void badParametersAreOneProblemAndViewersCannotReplay() {
        admin().get()
                .uri("/admin/dead-letters?status=lost&entity=XX&colour=red")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors.length()")
                .isEqualTo(3);
        admin().post()
                .uri("/admin/dead-letters/replay")
                .bodyValue(Map.of("all", true, "wait_seconds", 99))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("wait_seconds");
    }

    private List<Map<?, ?>> deadLetters(String query) {
        List<?> list = admin().get()
                .uri("/admin/dead-letters" + query)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(List.class)
                .returnResult()
                .getResponseBody();
        return list.stream().<Map<?, ?>>map(m -> (Map<?, ?>) m).toList();
    }

    private Map<?, ?> replay(Map<String, ?> body) {
        return admin().post()
                .uri("/admin/dead-letters/replay")
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    private static Map<String, Map<?, ?>> byId(List<?> results) {
        Map<String, Map<?, ?>> map = new java.util.HashMap<>();
        results.forEach(r -> map.put(String.valueOf(((Map<?, ?>) r).get("id")), (Map<?, ?>) r));
        return map;
    }
}
