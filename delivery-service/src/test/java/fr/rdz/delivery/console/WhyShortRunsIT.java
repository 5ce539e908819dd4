package fr.rdz.delivery.console;

import static fr.rdz.delivery.DeliveryFixtures.batchOf;
import static fr.rdz.delivery.DeliveryFixtures.client;
import static fr.rdz.delivery.DeliveryFixtures.commande;
import static fr.rdz.delivery.DeliveryFixtures.routed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import fr.rdz.delivery.DeliveryIntegrationTest;
import fr.rdz.delivery.mongo.MongoCollections;
import fr.rdz.events.RoutingState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The console's *Livraisons* page: runs by date range, each batch with why it is short, recorded when planned
 * (issue 12). A past date is run, so that leads received after its cut-off (and before now) exist.
 */
class WhyShortRunsIT extends DeliveryIntegrationTest {

    private static final LocalDate DATE = LocalDate.of(2026, 2, 10);
    private static final Instant CUT_OFF = Instant.parse("2026-02-10T08:30:00Z");

    @Test
    void aShortBatchSaysWhyInThePreviewTheRecordedRunAndTheRangeListing() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String clientId = "cl-why-" + suffix;
        String otherClientId = "cl-why2-" + suffix;
        String commandeId = "cmd-why-" + suffix;
        String emptyCommandeId = "cmd-why-empty-" + suffix;
        publish(client(clientId));
        publish(client(otherClientId));
        publish(commande(commandeId, clientId, "971", DATE, 5)); // lb_max_percent 0
        publish(commande(emptyCommandeId, otherClientId, "972", DATE, 3));
        Instant dayBefore = Instant.parse("2026-02-09T10:00:00Z");
        publish(routed("lead-" + suffix + "-1", "0697100001", "971", dayBefore, RoutingState.FRESH));
        publish(routed("lead-" + suffix + "-2", "0697100002", "971", dayBefore.plusSeconds(60), RoutingState.FRESH));
        publish(routed("lead-" + suffix + "-dup", "0697100001", "971", dayBefore.plusSeconds(120), RoutingState.FRESH));
        publish(routed(
                "lead-" + suffix + "-lb",
                "0697100003",
                "971",
                Instant.parse("2026-01-20T10:00:00Z"),
                RoutingState.FRESH));
        publish(routed("lead-" + suffix + "-late", "0697100004", "971", CUT_OFF.plusSeconds(3600), RoutingState.FRESH));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(MongoCollections.POOL, Filters.regex("_id", "^lead-" + suffix)) == 5
                        && count(MongoCollections.COMMANDES, Filters.in("_id", commandeId, emptyCommandeId)) == 2
                        && count(MongoCollections.CLIENTS, Filters.in("_id", clientId, otherClientId)) == 2);

        Map<?, ?> preview = post(true);
        assertWhyShort(batchOf(preview, commandeId), batchOf(preview, emptyCommandeId), suffix);

        Map<?, ?> run = post(false);
        assertWhyShort(batchOf(run, commandeId), batchOf(run, emptyCommandeId), suffix);
        assertThat(count(
                        MongoCollections.BATCHES,
                        Filters.and(
                                Filters.eq("_id", "run-ZR7-" + DATE + ":" + commandeId),
                                Filters.eq("short_reasons.code", "LB_CAP_REACHED"))))
                .isEqualTo(1);

        Map<?, ?> fetched = admin().get()
                .uri("/admin/runs/run-ZR7-" + DATE)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertWhyShort(batchOf(fetched, commandeId), batchOf(fetched, emptyCommandeId), suffix);

        List<?> listed = admin().get()
                .uri("/admin/runs?from=2026-02-09&to=2026-02-11&entity=ZR7")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(List.class)
                .returnResult()
                .getResponseBody();
        assertThat(ids(listed)).contains("run-ZR7-" + DATE);
        Map<?, ?> inRange = (Map<?, ?>) listed.stream()
                .filter(r -> ((Map<?, ?>) r).get("id").equals("run-ZR7-" + DATE))
                .findFirst()
                .orElseThrow();
        assertWhyShort(batchOf(inRange, commandeId), batchOf(inRange, emptyCommandeId), suffix);
        admin().get()
                .uri("/admin/runs?from=2026-02-11&to=2026-02-20")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(List.class)
                .value(l ->
                        assertThat(l).extracting(r -> ((Map<?, ?>) r).get("id")).doesNotContain("run-ZR7-" + DATE));
    }

    @Test
    void badParametersAreOneProblemListingEveryInvalidField() {
        admin().get()
                .uri("/admin/runs?date=2026-02-10&from=2026-02-01&to=nope&entity=XYZ&foo=1")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Map.class)
                .value(problem -> {
                    assertThat(problem.get("status")).isEqualTo(400);
                    assertThat(problem.get("title")).isEqualTo("Invalid request");
                    assertThat(values((List<?>) problem.get("errors"), "field"))
                            .containsExactlyInAnyOrder("foo", "to", "entity", "date");
                    assertThat(values((List<?>) problem.get("errors"), "message"))
                            .contains("Date invalide « nope » : format attendu AAAA-MM-JJ.");
                });
        admin().get()
                .uri("/admin/runs?from=2026-01-01&to=2026-12-31")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("to");
    }

    @SuppressWarnings("unchecked")
    private static void assertWhyShort(Map<?, ?> batch, Map<?, ?> empty, String suffix) {
        assertThat(batch.get("lead_ids")).isEqualTo(List.of("lead-" + suffix + "-1", "lead-" + suffix + "-2"));
        assertThat(batch.get("short")).isEqualTo(true);
        assertThat(batch.get("delivered")).isEqualTo(2);
        assertThat(batch.get("missing")).isEqualTo(3);
        assertThat(batch.get("client_name")).isEqualTo("Client cl-why-" + suffix);
        List<Map<String, Object>> reasons = (List<Map<String, Object>>) batch.get("short_reasons");
        assertThat(reasons)
                .extracting(r -> r.get("code"))
                .containsExactly("LB_CAP_REACHED", "DUPLICATES", "RECEIVED_AFTER_CUT_OFF");
        assertThat(reasons.get(0).get("params")).isEqualTo(Map.of("lb_cap", 0, "lb_max_percent", 0, "lb", 0));
        assertThat(reasons.get(1).get("params")).isEqualTo(Map.of("skipped", 1));
        assertThat(reasons.get(2).get("params")).isEqualTo(Map.of("count", 1, "cut_off", CUT_OFF.toString()));
        assertThat(reasons.get(2).get("message"))
                .isEqualTo("1 lead(s) correspondant(s) reçu(s) après l'heure de coupure du passage (10/02/2026 09:30) :"
                        + " ils partiront au prochain passage.");

        List<Map<String, Object>> emptyReasons = (List<Map<String, Object>>) empty.get("short_reasons");
        assertThat(empty.get("lead_ids")).isEqualTo(List.of());
        assertThat(emptyReasons).extracting(r -> r.get("code")).containsExactly("POOL_EXHAUSTED");
        assertThat(emptyReasons.get(0).get("params"))
                .isEqualTo(Map.of(
                        "product",
                        "PV",
                        "departements",
                        List.of("972"),
                        "available",
                        0,
                        "missing",
                        3,
                        "cross_entity_allowed",
                        false));
        assertThat(emptyReasons.get(0).get("message"))
                .isEqualTo("Pas assez de leads éligibles dans le stock pour le produit PV et le département 972 :"
                        + " 0 trouvé(s), 3 manquant(s) (l'autre entité n'est pas autorisée pour cette commande).");
    }

    private static List<String> ids(List<?> runs) {
        return values(runs, "id");
    }

    private static List<String> values(List<?> maps, String key) {
        return maps.stream().map(m -> String.valueOf(((Map<?, ?>) m).get(key))).toList();
    }

    private Map<?, ?> post(boolean dryRun) {
        return admin().post()
                .uri("/admin/runs")
                .bodyValue(Map.of("entity", "ZR7", "date", DATE.toString(), "dry_run", dryRun))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }
}
