package fr.rdz.delivery;

import static fr.rdz.delivery.DeliveryFixtures.client;
import static fr.rdz.delivery.DeliveryFixtures.commande;
import static fr.rdz.delivery.DeliveryFixtures.routed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import fr.rdz.delivery.mongo.MongoCollections;
import fr.rdz.delivery.planning.domain.RunReference;
import fr.rdz.events.DeliveryPlanned;
import fr.rdz.events.Envelope;
import fr.rdz.events.LeadDelivered;
import fr.rdz.events.LeadKind;
import fr.rdz.events.PersonErased;
import fr.rdz.events.RoutingState;
import fr.rdz.events.RunCompleted;
import fr.rdz.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Leads routed → POST /admin/runs → DeliveryPlanned and LeadDelivered read back from the broker, ledger updated. */
class DailyRunIT extends DeliveryIntegrationTest {

    private static final LocalDate DATE = LocalDate.of(2030, 1, 8);
    private static final String DEP = "01";

    @Test
    void plansRecordsAndPublishesTheRunThenAnswersTheSameRunWithoutPlanningAgain() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String clientId = "cl-it-" + suffix;
        String commandeId = "cmd-it-" + suffix;
        Instant received = Instant.parse("2030-01-07T10:00:00Z");
        publish(client(clientId));
        publish(commande(commandeId, clientId, DEP, DATE, 3));
        for (int i = 0; i < 4; i++) {
            publish(routed(
                    "lead-" + suffix + "-" + i, "061000000" + i, DEP, received.plusSeconds(i), RoutingState.FRESH));
        }
        publish(routed("lead-" + suffix + "-invalid", "0610000009", DEP, received, RoutingState.INVALID));
        awaitPool(suffix, 5);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(MongoCollections.COMMANDES, Filters.eq("_id", commandeId)) == 1);

        Map<?, ?> preview = post(true);
        assertThat(preview.get("dry_run")).isEqualTo(true);
        List<Object> previewLeads = leadIdsOf(preview, commandeId);
        assertThat(previewLeads)
                .containsExactly("lead-" + suffix + "-0", "lead-" + suffix + "-1", "lead-" + suffix + "-2");
        admin().get()
                .uri("/admin/runs/run-ZR7-" + DATE)
                .exchange()
                .expectStatus()
                .isNotFound();
        assertThat(count(MongoCollections.LEDGER, Filters.eq("commande_id", commandeId)))
                .isZero();

        Map<?, ?> run = post(false);
        assertThat(run.get("id")).isEqualTo("run-ZR7-" + DATE);
        assertThat(run.get("dry_run")).isEqualTo(false);
        assertThat(leadIdsOf(run, commandeId)).isEqualTo(previewLeads);
        Map<?, ?> batch = batchOf(run, commandeId);
        assertThat(batch.get("target")).isEqualTo(3);
        assertThat(batch.get("fresh")).isEqualTo(3);
        assertThat(batch.get("short")).isEqualTo(false);
        assertThat(count(MongoCollections.LEDGER, Filters.eq("commande_id", commandeId)))
                .isEqualTo(3);

        List<ConsumerRecord<String, Envelope<DeliveryPlanned>>> planned = read(
                Topics.DELIVERY_PLANNED,
                DeliveryPlanned.class,
                p -> p.commandeId().equals(commandeId),
                1);
        assertThat(planned).hasSize(1);
        DeliveryPlanned event = planned.get(0).value().payload();
        assertThat(planned.get(0).key()).isEqualTo(clientId);
        assertThat(event.client().apiKeyEncrypted()).isEqualTo("v1:ENCRYPTED-" + clientId);
        assertThat(event.leads()).extracting(l -> l.lead().leadId()).isEqualTo(previewLeads);
        assertThat(event.leads()).allSatisfy(l -> {
            assertThat(l.kind()).isEqualTo(LeadKind.FRESH);
            assertThat(l.lead().contact().nom()).isNotBlank();
            assertThat(l.lead().consent().rgpdConsent()).isTrue();
        });

        List<ConsumerRecord<String, Envelope<LeadDelivered>>> delivered = read(
                Topics.LEAD_DELIVERED, LeadDelivered.class, d -> d.commandeId().equals(commandeId), 3);
        assertThat(delivered).hasSize(3);
        assertThat(delivered).allSatisfy(r -> assertThat(r.key())
                .isEqualTo(r.value().payload().phone()));
        assertThat(read(Topics.RUN_COMPLETED, RunCompleted.class, r -> r.runId().equals("run-ZR7-" + DATE), 1))
                .first()
                .satisfies(r -> assertThat(r.value().payload().batches())
                        .anySatisfy(b -> assertThat(b.commandeId()).isEqualTo(commandeId)));

        Map<?, ?> again = post(false);
        assertThat(leadIdsOf(again, commandeId)).isEqualTo(previewLeads);
        assertThat(count(MongoCollections.LEDGER, Filters.eq("commande_id", commandeId)))
                .isEqualTo(3);
        await().atMost(Duration.ofSeconds(30)).until(() -> "PUBLISHED"
                .equals(admin().get()
                        .uri("/admin/runs/run-ZR7-" + DATE)
                        .exchange()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody()
                        .get("state")));
        assertThat(read(
                        Topics.LEAD_DELIVERED,
                        LeadDelivered.class,
                        d -> d.commandeId().equals(commandeId),
                        3))
                .hasSize(3);
    }

    @Test
    void anErasedPersonsLeadsAreBlankedAndNeverDistributed() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        publish(routed(
                "lead-" + suffix + "-e",
                "0620000001",
                "02",
                Instant.parse("2030-01-07T10:00:00Z"),
                RoutingState.FRESH));
        awaitPool(suffix, 1);
        publish(new PersonErased("0620000001", Instant.now()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(
                                MongoCollections.POOL,
                                Filters.and(
                                        Filters.eq("_id", "lead-" + suffix + "-e"), Filters.eq("erased", true),
                                        Filters.eq("distributable", false), Filters.eq("lead.contact.nom", null)))
                        == 1);
        assertThat(count(MongoCollections.POOL, Filters.eq("phone", "0620000001")))
                .isZero();
    }

    @Test
    void anUnknownRunIsNotFoundAndListingByDateWorks() {
        admin().get()
                .uri("/admin/runs/run-MDL-1999-01-01")
                .exchange()
                .expectStatus()
                .isNotFound();
        admin().get()
                .uri("/admin/runs?date=1999-01-01")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .json("[]");
    }

    @Test
    void aRunAbandonedWhilePlanningIsRedoneFromScratchWithoutDeliveringTwice() {
        LocalDate date = LocalDate.of(2030, 3, 5);
        String runId = "run-ZR7-" + date;
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String clientId = "cl-crash-" + suffix;
        String commandeId = "cmd-crash-" + suffix;
        publish(client(clientId));
        publish(commande(commandeId, clientId, "04", date, 2));
        Instant received = Instant.parse("2030-03-04T10:00:00Z");
        for (int i = 0; i < 3; i++) {
            publish(routed(
                    "lead-" + suffix + "-" + i, "064000000" + i, "04", received.plusSeconds(i), RoutingState.FRESH));
        }
        awaitPool(suffix, 3);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(MongoCollections.COMMANDES, Filters.eq("_id", commandeId)) == 1
                        && count(MongoCollections.CLIENTS, Filters.eq("_id", clientId)) == 1);
        // what a crashed instance left: the run PLANNING with an expired lease, a ledger line, a batch and a pool mark
        Date longAgo = Date.from(Instant.parse("2000-01-01T00:00:00Z"));
        insert(
                MongoCollections.RUNS,
                new Document("_id", runId)
                        .append("entity", "ZR7")
                        .append("date", date.toString())
                        .append("state", "PLANNING")
                        .append("owner", "crashed-instance")
                        .append("lease_until", longAgo)
                        .append("created_at", longAgo));
        insert(
                MongoCollections.LEDGER,
                new Document("_id", runId + ":lead-" + suffix + "-2")
                        .append("run_id", runId)
                        .append("lead_id", "lead-" + suffix + "-2")
                        .append("commande_id", "cmd-stale-" + suffix));
        insert(
                MongoCollections.BATCHES,
                new Document("_id", runId + ":cmd-stale-" + suffix)
                        .append("run_id", runId)
                        .append("published", false));
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
    void refusesABadRunRequestNamingEveryInvalidFieldAtOnce() {
        admin().post()
                .uri("/admin/runs")
                .bodyValue(Map.of())
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(400)
                .jsonPath("$.errors[*].field")
                .value(fields -> assertThat((List<String>) fields).containsExactlyInAnyOrder("entity", "date"));
        admin().post()
                .uri("/admin/runs")
                .bodyValue(Map.of("entity", "XX", "date", "31/12/2026", "dry_run", true))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field")
                .value(fields -> assertThat((List<String>) fields).containsExactlyInAnyOrder("entity", "date"))
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("expected one of ZR7, MDL"));
    }

    /** A run whose planner died mid-way: PLANNING, a stale batch, owned by an instance that no longer renews. */
    private String crashedRun(LocalDate date, String suffix, String clientId, String commandeId, Instant leaseUntil) {
        String runId = "run-ZR7-" + date;
        publish(client(clientId));
        publish(commande(commandeId, clientId, "04", date, 2));
        Instant received = date.minusDays(1).atTime(10, 0).toInstant(java.time.ZoneOffset.UTC);
        for (int i = 0; i < 3; i++) {
            publish(routed(
                    "lead-" + suffix + "-" + i, "064100000" + i, "04", received.plusSeconds(i), RoutingState.FRESH));
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

    @Test
    void aRunWhosePlannerDiedIsTakenOverWholeAsSoonAsItsLeaseLapses() {
        LocalDate date = LocalDate.of(2031, 6, 10);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String commandeId = "cmd-died-" + suffix;
        String runId = crashedRun(
                date, suffix, "cl-died-" + suffix, commandeId, Instant.now().plusSeconds(3));

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

    private void insert(String collection, Document document) {
        mongo.getCollection(collection)
                .flatMap(c -> Mono.from(c.insertOne(document)))
                .block(Duration.ofSeconds(10));
    }

    @Test
    void aDateWithoutAnyServedCommandeRecordsNothingAndStaysOpen() {
        admin().post()
                .uri("/admin/runs")
                .bodyValue(Map.of("entity", "MDL", "date", "1999-01-04", "dry_run", false))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("NOTHING_TO_PLAN")
                .jsonPath("$.batches.length()")
                .isEqualTo(0);
        admin().get()
                .uri("/admin/runs/run-MDL-1999-01-04")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    private void awaitPool(String suffix, int expected) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(MongoCollections.POOL, Filters.regex("_id", "^lead-" + suffix)) == expected);
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

    static Map<?, ?> batchOf(Map<?, ?> run, String commandeId) {
        return ((List<?>) run.get("batches"))
                .stream()
                        .map(b -> (Map<?, ?>) b)
                        .filter(b -> commandeId.equals(b.get("commande_id")))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no batch for " + commandeId + " in " + run));
    }

    static List<Object> leadIdsOf(Map<?, ?> run, String commandeId) {
        return new java.util.ArrayList<>((List<?>) batchOf(run, commandeId).get("lead_ids"));
    }
}
