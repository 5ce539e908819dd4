package fr.rdz.delivery.console;

import static fr.rdz.delivery.DeliveryFixtures.client;
import static fr.rdz.delivery.DeliveryFixtures.routed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import fr.rdz.delivery.DeliveryIntegrationTest;
import fr.rdz.events.CommandeSnapshot;
import fr.rdz.events.DeliveryDay;
import fr.rdz.events.Entity;
import fr.rdz.events.Product;
import fr.rdz.events.RoutingState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The buyers' portal routes of delivery (issue 16): a buyer (role client, HTTP Basic here as the
 * console's token gives the same authorities) sees its own commandes' week and batches only; another
 * buyer's commande is a 404 and never listed; the admin routes refuse a buyer.
 */
class PortalCommandesIT extends DeliveryIntegrationTest {

    private static final String CLIENT_A = "cl-portal-a";
    /** delivery's pool collection (named here: its constants class moves with the ports refactoring). */
    private static final String POOL_LEADS = "pool_leads";

    private static final LocalDate MONDAY = LocalDate.of(2032, 3, 1);

    @Test
    void aBuyerSeesItsOwnCommandesAndBatchesOnly() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String commandeId = "cmd-portal-" + suffix;
        publish(client(CLIENT_A));
        publish(new CommandeSnapshot(
                commandeId,
                Entity.ZR7,
                CLIENT_A,
                Product.PV,
                List.of("974"),
                10,
                List.of(DeliveryDay.MON, DeliveryDay.TUE, DeliveryDay.WED, DeliveryDay.THU, DeliveryDay.FRI),
                0,
                1,
                false,
                MONDAY,
                null,
                true,
                false,
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00Z")));
        Instant received = Instant.parse("2032-02-29T10:00:00Z");
        for (int i = 0; i < 2; i++) {
            publish(routed(
                    "lead-" + suffix + "-" + i, "069740000" + i, "974", received.plusSeconds(i), RoutingState.FRESH));
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> count(POOL_LEADS, Filters.regex("_id", "^lead-" + suffix)) == 2
                        && count("commandes", Filters.eq("_id", commandeId)) == 1
                        && count("clients", Filters.eq("_id", CLIENT_A)) == 1);
        admin().post()
                .uri("/admin/runs")
                .bodyValue(Map.of("entity", "ZR7", "date", MONDAY.toString(), "dry_run", false))
                .exchange()
                .expectStatus()
                .isOk();

        WebTestClient acme = as("acme", "test-acme");
        WebTestClient bravo = as("bravo", "test-bravo");

        List<Map<String, Object>> mine = list(acme, "/portal/commandes?date=" + MONDAY);
        assertThat(mine).extracting(c -> c.get("client_id")).containsOnly(CLIENT_A);
        Map<String, Object> commande = mine.stream()
                .filter(c -> commandeId.equals(c.get("commande_id")))
                .findFirst()
                .orElseThrow();
        assertThat(commande.get("weekly_quota")).isEqualTo(10);
        assertThat(commande.get("delivered_this_week")).isEqualTo(2);
        List<?> batches = (List<?>) commande.get("last_batches");
        assertThat(batches).hasSize(1);
        assertThat(((Map<?, ?>) batches.get(0)).get("lead_ids"))
                .isEqualTo(List.of("lead-" + suffix + "-0", "lead-" + suffix + "-1"));
        acme.get()
                .uri("/portal/commandes/" + commandeId + "?date=" + MONDAY)
                .exchange()
                .expectStatus()
                .isOk();

        // another buyer: not listed, 404 by id, nothing of it in the answer
        assertThat(list(bravo, "/portal/commandes?date=" + MONDAY))
                .extracting(c -> c.get("commande_id"))
                .doesNotContain(commandeId);
        bravo.get()
                .uri("/portal/commandes/" + commandeId)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .value(body -> assertThat(body).doesNotContain("lead-" + suffix));

        // a buyer is refused every admin route; an operator is refused the portal
        for (String path :
                List.of("/admin/commandes/" + commandeId + "/progress", "/admin/runs?date=" + MONDAY, "/admin/pool")) {
            acme.get().uri(path).exchange().expectStatus().isForbidden();
        }
        acme.post()
                .uri("/admin/runs")
                .bodyValue(Map.of("entity", "ZR7", "date", MONDAY.toString(), "dry_run", true))
                .exchange()
                .expectStatus()
                .isForbidden();
        admin().get().uri("/portal/commandes").exchange().expectStatus().isForbidden();
        acme.get().uri("/portal/commandes?week=2").exchange().expectStatus().isBadRequest();
    }

    private WebTestClient as(String user, String password) {
        return web.mutate().defaultHeaders(h -> h.setBasicAuth(user, password)).build();
    }

    private static List<Map<String, Object>> list(WebTestClient client, String path) {
        return client.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .returnResult()
                .getResponseBody();
    }
}
