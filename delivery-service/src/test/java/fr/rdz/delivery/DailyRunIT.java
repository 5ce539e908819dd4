package fr.rdz.delivery;

import static fr.rdz.delivery.DeliveryFixtures.batchOf;
import static fr.rdz.delivery.DeliveryFixtures.client;
import static fr.rdz.delivery.DeliveryFixtures.commande;
import static fr.rdz.delivery.DeliveryFixtures.leadIdsOf;
import static fr.rdz.delivery.DeliveryFixtures.routed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import fr.rdz.delivery.mongo.MongoCollections;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Leads routed → POST /admin/runs → DeliveryPlanned and LeadDelivered read back from the broker, ledger updated; the
 * run's answers (preview, same run again, unknown run, bad request, nothing to plan). A run whose planning was
 * interrupted: {@link InterruptedRunIT}.
 */
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
