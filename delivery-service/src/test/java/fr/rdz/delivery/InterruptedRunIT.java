package fr.rdz.delivery;

import static fr.rdz.delivery.DeliveryFixtures.client;
import static fr.rdz.delivery.DeliveryFixtures.commande;
import static fr.rdz.delivery.DeliveryFixtures.leadIdsOf;
import static fr.rdz.delivery.DeliveryFixtures.routed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import fr.rdz.delivery.mongo.MongoCollections;
import fr.rdz.delivery.planning.domain.RunReference;
import fr.rdz.events.RoutingState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * A run whose planning was interrupted (its planner crashed, or another instance is still at it) is never left half
 * made nor delivered twice: redone from scratch once its lease has lapsed, taken over whole as soon as it lapses,
 * answered with a clear conflict while it holds. {@link DailyRunIT} shows a run planned, recorded and published.
 */
class InterruptedRunIT extends DeliveryIntegrationTest {

    @Test
    void aRunAbandonedWhilePlanningIsRedoneFromScratchWithoutDeliveringTwice() {
        LocalDate date = LocalDate.of(2030, 3, 5);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String commandeId = "cmd-crash-" + suffix;
        // what a crashed instance left: the run PLANNING with an expired lease and a batch (crashedRun), a ledger
        // line and a pool mark
        String runId = crashedRun(
                date, suffix, "cl-crash-" + suffix, commandeId, "064000000", Instant.parse("2000-01-01T00:00:00Z"));
        insert(
                MongoCollections.LEDGER,
                new Document("_id", runId + ":lead-" + suffix + "-2")
                        .append("run_id", runId)
                        .append("lead_id", "lead-" + suffix + "-2")
                        .append("commande_id", "cmd-stale-" + suffix));
        mongo.getCollection(MongoCollections.POOL)
                .flatMap(c -> Mono.from(c.updateOne(
                        Filters.eq("_id", "lead-" + suffix + "-0"),
                        Updates.push(
                                "deliveries",
                                new Document("at", Date.from(RunReference.of(date)))
                                        .append("client_id", "someone")
                                        .append("run_id", runId)))))
                .block(Duration.ofSeconds(10));

        Map<?, ?> run = admin().post()
                .uri("/admin/runs")
                .bodyValue(Map.of("entity", "ZR7", "date", date.toString()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();

        assertThat(leadIdsOf(run, commandeId))
                .containsExactly((Object) ("lead-" + suffix + "-0"), "lead-" + suffix + "-1");
        assertThat(((List<?>) run.get("batches")))
                .noneMatch(b -> ((Map<?, ?>) b).get("commande_id").toString().startsWith("cmd-stale"));
        assertThat(count(MongoCollections.LEDGER, Filters.eq("run_id", runId))).isEqualTo(2);
        assertThat(count(MongoCollections.LEDGER, Filters.eq("commande_id", "cmd-stale-" + suffix)))
                .isZero();
        assertThat(count(
                        MongoCollections.POOL,
                        Filters.and(Filters.eq("_id", "lead-" + suffix + "-0"), Filters.size("deliveries", 1))))
                .isEqualTo(1);
    }

    @Test
    void aRunWhosePlannerDiedIsTakenOverWholeAsSoonAsItsLeaseLapses() {
        LocalDate date = LocalDate.of(2031, 6, 10);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String commandeId = "cmd-died-" + suffix;
        String runId = crashedRun(
                date,
                suffix,
                "cl-died-" + suffix,
                commandeId,
                "064100000",
                Instant.now().plusSeconds(3));

        Map<?, ?> run = admin().mutate()
                .responseTimeout(Duration.ofSeconds(60))
                .build()
                .post()
                .uri("/admin/runs")
                .bodyValue(Map.of("entity", "ZR7", "date", date.toString()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();

        assertThat(run.get("id")).isEqualTo(runId);
        assertThat(run.get("state")).isNotEqualTo("PLANNING");
        assertThat(leadIdsOf(run, commandeId))
                .containsExactly((Object) ("lead-" + suffix + "-0"), "lead-" + suffix + "-1");
        assertThat(((List<?>) run.get("batches"))).noneMatch(b -> ((Map<?, ?>) b).get("commande_id") == null);
        assertThat(count(MongoCollections.LEDGER, Filters.eq("run_id", runId))).isEqualTo(2);
    }

    @Test
    void aRunAnotherInstanceIsPlanningAnswersAClearConflictNotAHalfMadeRun() {
        LocalDate date = LocalDate.of(2031, 6, 17);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        crashedRun(
                date,
                suffix,
                "cl-busy-" + suffix,
                "cmd-busy-" + suffix,
                "064100000",
                Instant.now().plus(Duration.ofMinutes(10)));

        // the other planner's lease runs 10 more minutes: the answer is a 409 after a bounded wait (about 20 s), not
        // a wait for the lease (the client gives up after 60 s) — how long exactly is not what this test checks
        admin().mutate()
                .responseTimeout(Duration.ofSeconds(60))
                .build()
                .post()
                .uri("/admin/runs")
                .bodyValue(Map.of("entity", "ZR7", "date", date.toString()))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .exists("Retry-After")
                .expectBody()
                .jsonPath("$.detail")
                .value(m -> assertThat((String) m).contains("being planned by another instance"));
    }

    /**
     * A run whose planner died mid-way: PLANNING, a stale batch, owned by an instance that no longer renews its lease
     * (until {@code leaseUntil}); a commande of 2 leads and 3 routed leads ({@code phones} + 0, 1, 2) to serve.
     */
    private String crashedRun(
            LocalDate date, String suffix, String clientId, String commandeId, String phones, Instant leaseUntil) {
        String runId = "run-ZR7-" + date;
        publish(client(clientId));
        publish(commande(commandeId, clientId, "04", date, 2));
        Instant received = date.minusDays(1).atTime(10, 0).toInstant(java.time.ZoneOffset.UTC);
        for (int i = 0; i < 3; i++) {
            publish(routed("lead-" + suffix + "-" + i, phones + i, "04", received.plusSeconds(i), RoutingState.FRESH));
        }
        awaitPool(suffix, 3);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(MongoCollections.COMMANDES, Filters.eq("_id", commandeId)) == 1
                        && count(MongoCollections.CLIENTS, Filters.eq("_id", clientId)) == 1);
        insert(
                MongoCollections.RUNS,
                new Document("_id", runId)
                        .append("entity", "ZR7")
                        .append("date", date.toString())
                        .append("state", "PLANNING")
                        .append("owner", "crashed-instance")
                        .append("lease_until", Date.from(leaseUntil))
                        .append("created_at", Date.from(Instant.now())));
        insert(
                MongoCollections.BATCHES,
                new Document("_id", runId + ":cmd-stale-" + suffix)
                        .append("run_id", runId)
                        .append("published", false));
        return runId;
    }

    private void insert(String collection, Document document) {
        mongo.getCollection(collection)
                .flatMap(c -> Mono.from(c.insertOne(document)))
                .block(Duration.ofSeconds(10));
    }
}
