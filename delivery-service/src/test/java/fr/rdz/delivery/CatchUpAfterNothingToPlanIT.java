package fr.rdz.delivery;

import static fr.rdz.delivery.DeliveryFixtures.client;
import static fr.rdz.delivery.DeliveryFixtures.commande;
import static fr.rdz.delivery.DeliveryFixtures.routed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import fr.rdz.delivery.mongo.MongoCollections;
import fr.rdz.delivery.run.application.PlanningDailyRun;
import fr.rdz.delivery.run.application.PublishingRunOutbox;
import fr.rdz.delivery.run.application.SchedulingDailyRuns;
import fr.rdz.events.RoutingState;
import fr.rdz.rules.ParisCalendar;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The catch-up at start makes today's run only when it was missed. Seen in the multi-instance fault suite: the
 * three deliveries' catch-up found nothing to plan (no commande yet); commandes starting that day were created; a
 * delivery restarted hours later and its catch-up recorded the day's run ("4 batches, 0 leads"). A day whose run
 * found nothing to plan is not a missed run: planned again by whichever instance happens to restart, it would send
 * the pool's leads at the hour of that restart. The date stays open to an operator's run.
 */
class CatchUpAfterNothingToPlanIT extends DeliveryIntegrationTest {

    /**
     * A day no other test plans (only this test's commande is served on it), a new one at each execution (a rerun
     * finds the day of the failed attempt made).
     */
    private final LocalDate day =
            LocalDate.of(1980, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(18 * 365));

    private final String runId = "run-ZR7-" + day;

    @Autowired
    PlanningDailyRun planning;

    @Autowired
    PublishingRunOutbox outbox;

    @Test
    void aRestartedInstanceDoesNotRunAgainADayWhoseRunFoundNothingToPlan() {
        Instant nineThirty = ParisCalendar.runReference(day);

        // 10:00: an instance starts; its catch-up finds no commande served that day
        startingAt(nineThirty.plus(Duration.ofMinutes(30))).catchUp();
        assertThat(count(MongoCollections.RUNS, Filters.eq("_id", runId))).isZero();

        // 11:00: a commande starting that day is created; a lead received the day before waits in the pool
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String clientId = "cl-catchup-" + suffix;
        String commandeId = "cmd-catchup-" + suffix;
        String leadId = "catchup-" + suffix;
        publish(client(clientId));
        publish(commande(commandeId, clientId, "07", day, 3));
        publish(routed(
                leadId,
                "067" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_000_000)),
                "07",
                nineThirty.minus(Duration.ofHours(20)),
                RoutingState.FRESH));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> count(MongoCollections.POOL, Filters.eq("_id", leadId)) == 1
                        && count(MongoCollections.COMMANDES, Filters.eq("_id", commandeId)) == 1
                        && count(MongoCollections.CLIENTS, Filters.eq("_id", clientId)) == 1);

        // 15:00: another instance restarts; the day's run was made (nothing to plan), not missed
        startingAt(nineThirty.plus(Duration.ofHours(5).plusMinutes(30))).catchUp();
        assertThat(count(MongoCollections.RUNS, Filters.eq("_id", runId)))
                .as("the day's run made again by a restart's catch-up")
                .isZero();
        assertThat(count(MongoCollections.LEDGER, Filters.eq("commande_id", commandeId)))
                .isZero();

        // the date stays open to an operator: the lead is delivered by the run asked by hand
        admin().post()
                .uri("/admin/runs")
                .bodyValue(Map.of("entity", "ZR7", "date", day.toString(), "dry_run", false))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(runId)
                .jsonPath("$.batches[?(@.commande_id == '" + commandeId + "')].lead_ids[0]")
                .isEqualTo(leadId);
    }

    /** The catch-up of an instance starting at {@code now} (its pool view caught up). */
    private SchedulingDailyRuns startingAt(Instant now) {
        return new SchedulingDailyRuns(planning, outbox, Clock.fixed(now, ZoneOffset.UTC), max -> true);
    }
}
