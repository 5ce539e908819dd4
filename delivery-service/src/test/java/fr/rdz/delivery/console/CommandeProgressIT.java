package fr.rdz.delivery.console;

import static fr.rdz.delivery.DeliveryFixtures.client;
import static fr.rdz.delivery.DeliveryFixtures.routed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import fr.rdz.delivery.DeliveryIntegrationTest;
import fr.rdz.delivery.mongo.MongoCollections;
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
import org.springframework.http.MediaType;

/** The console's commande page: quota of the week, delivered so far, today's target, last batches (issue 12). */
class CommandeProgressIT extends DeliveryIntegrationTest {

    private static final LocalDate MONDAY = LocalDate.of(2031, 6, 2);
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);

    @Test
    void showsTheWeeksQuotaDeliveredSoFarTodaysTargetAndTheLastBatches() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String clientId = "cl-prog-" + suffix;
        String commandeId = "cmd-prog-" + suffix;
        publish(client(clientId));
        publish(new CommandeSnapshot(
                commandeId,
                Entity.ZR7,
                clientId,
                Product.PV,
                List.of("976"),
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
        Instant received = Instant.parse("2031-06-01T10:00:00Z");
        for (int i = 0; i < 3; i++) {
            publish(routed(
                    "lead-" + suffix + "-" + i, "069760000" + i, "976", received.plusSeconds(i), RoutingState.FRESH));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(MongoCollections.POOL, Filters.regex("_id", "^lead-" + suffix)) == 3
                        && count(MongoCollections.COMMANDES, Filters.eq("_id", commandeId)) == 1
                        && count(MongoCollections.CLIENTS, Filters.eq("_id", clientId)) == 1);

        Map<?, ?> before = progress(commandeId, "?date=" + MONDAY);
        assertThat(before.get("today_target")).isEqualTo(2); // ceil(10 / 5 days)
        assertThat(before.get("today_run")).isNull();
        assertThat(before.get("delivered_this_week")).isEqualTo(0);
        assertThat(before.get("last_batches")).isEqualTo(List.of());

        run(MONDAY); // 2 of the 3 leads
        run(TUESDAY); // target ceil(8 / 4) = 2, 1 lead left: short

        Map<?, ?> tuesday = progress(commandeId, "?date=" + TUESDAY);
        assertThat(tuesday.get("commande_id")).isEqualTo(commandeId);
        assertThat(tuesday.get("client_name")).isEqualTo("Client " + clientId);
        assertThat(tuesday.get("entity")).isEqualTo("ZR7");
        assertThat(tuesday.get("weekly_quota")).isEqualTo(10);
        assertThat(tuesday.get("week_start")).isEqualTo(MONDAY.toString());
        assertThat(tuesday.get("week_end")).isEqualTo(MONDAY.plusDays(6).toString());
        assertThat(tuesday.get("delivered_this_week")).isEqualTo(3);
        assertThat(tuesday.get("delivered_before_date")).isEqualTo(2);
        assertThat(tuesday.get("remaining_this_week")).isEqualTo(7);
        assertThat(tuesday.get("today_target")).isEqualTo(2);
        Map<?, ?> today = (Map<?, ?>) tuesday.get("today_run");
        assertThat(today.get("run_id")).isEqualTo("run-ZR7-" + TUESDAY);
        assertThat(today.get("delivered")).isEqualTo(1);
        assertThat(today.get("short")).isEqualTo(true);
        assertThat((List<?>) today.get("short_reasons"))
                .singleElement()
                .satisfies(r -> assertThat(((Map<?, ?>) r).get("code")).isEqualTo("POOL_EXHAUSTED"));
        List<?> last = (List<?>) tuesday.get("last_batches");
        assertThat(last).hasSize(2);
        Map<?, ?> newest = (Map<?, ?>) last.get(0);
        Map<?, ?> oldest = (Map<?, ?>) last.get(1);
        assertThat(newest.get("batch_id")).isEqualTo("run-ZR7-" + TUESDAY + ":" + commandeId);
        assertThat(newest.get("date")).isEqualTo(TUESDAY.toString());
        assertThat(newest.get("lead_ids")).isEqualTo(List.of("lead-" + suffix + "-2"));
        assertThat(newest.get("channels")).isEqualTo(List.of("email", "api"));
        assertThat(oldest.get("date")).isEqualTo(MONDAY.toString());
        assertThat(oldest.get("target")).isEqualTo(2);
        assertThat(oldest.get("delivered")).isEqualTo(2);
        assertThat(oldest.get("short")).isEqualTo(false);
        assertThat(oldest.get("short_reasons")).isEqualTo(List.of());

        Map<?, ?> wednesday = progress(commandeId, "?date=" + TUESDAY.plusDays(1));
        assertThat(wednesday.get("today_run")).isNull();
        assertThat(wednesday.get("delivered_this_week")).isEqualTo(3);
        assertThat(wednesday.get("today_target")).isEqualTo(3); // ceil(7 / 3 days)

        Map<?, ?> nextMonday = progress(commandeId, "?date=" + MONDAY.plusDays(7));
        assertThat(nextMonday.get("delivered_this_week")).isEqualTo(0);
        assertThat(nextMonday.get("today_target")).isEqualTo(2);
        assertThat((List<?>) nextMonday.get("last_batches")).hasSize(2);

        web.get()
                .uri("/admin/commandes/" + commandeId + "/progress?date=" + TUESDAY)
                .headers(h -> h.setBasicAuth("viewer", "test-viewer"))
                .exchange()
                .expectStatus()
                .isOk();
        web.get()
                .uri("/admin/commandes/" + commandeId + "/progress?date=" + TUESDAY)
                .headers(h -> h.setBasicAuth("mdl-viewer", "test-mdl-viewer"))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anUnknownCommandeIsNotFoundAndABadDateIsAProblem() {
        admin().get()
                .uri("/admin/commandes/cmd-nobody/progress")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(404);
        admin().get()
                .uri("/admin/commandes/cmd-nobody/progress?date=2031-13-01&week=2")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()")
                .isEqualTo(2);
    }

    private Map<?, ?> progress(String commandeId, String query) {
        return admin().get()
                .uri("/admin/commandes/" + commandeId + "/progress" + query)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    private void run(LocalDate date) {
        admin().post()
                .uri("/admin/runs")
                .bodyValue(Map.of("entity", "ZR7", "date", date.toString(), "dry_run", false))
                .exchange()
                .expectStatus()
                .isOk();
    }
}
