package fr.rdz.routing;

import static fr.rdz.routing.AdminApi.get;
import static fr.rdz.routing.AdminApi.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.rdz.events.BatchSummary;
import fr.rdz.events.DeliveryOutcome;
import fr.rdz.events.Entity;
import fr.rdz.events.Envelope;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadDelivered;
import fr.rdz.events.LeadKind;
import fr.rdz.events.LeadRouted;
import fr.rdz.events.LeadStatus;
import fr.rdz.events.OutcomeChannel;
import fr.rdz.events.OutcomeStatus;
import fr.rdz.events.Product;
import fr.rdz.events.RunCompleted;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/** Dashboard figures per client and per commande, and the console's filters, summed from figures only. */
@SuppressWarnings("unchecked")
class ConsoleStatsIT extends RoutingIntegrationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};

    private static Map<String, Object> row(Map<String, Object> stats, String dimension, String value) {
        return ((List<Map<String, Object>>) stats.get("rows"))
                .stream()
                        .filter(r -> Objects.equals(r.get(dimension), value))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no row " + dimension + "=" + value + " in " + stats));
    }

    @Test
    void sumsFiguresPerClientAndPerCommandeAndFiltersByTheConsoleDimensions() {
        LocalDate day = LocalDate.parse("2032-05-11");
        Instant at = day.atTime(7, 0).toInstant(ZoneOffset.UTC);
        clock.set(at);
        String campaign = "gold-" + UUID.randomUUID();
        post(admin(), "/admin/quality-mappings", Map.of("utm_campaign", campaign, "quality_tier", "gold"));
        String form = (String)
                post(admin(), "/admin/forms", Catalogs.form("MDL", "PV")).get("code");
        String c1 =
                (String) post(admin(), "/admin/clients", Catalogs.client("MDL")).get("id");
        String c2 =
                (String) post(admin(), "/admin/clients", Catalogs.client("MDL")).get("id");
        String k1 = (String) post(admin(), "/admin/commandes", Catalogs.commande("MDL", c1, "PV", List.of("2B")))
                .get("id");
        String k2 = (String) post(admin(), "/admin/commandes", Catalogs.commande("MDL", c2, "PV", List.of("2B")))
                .get("id");

        LeadData gold = Leads.named(
                Leads.aLead(Leads.aPhone(), Entity.MDL, Product.PV, form, "2B", at), "A", "B", "a@b.fr", campaign);
        LeadData plain = Leads.aLead(Leads.aPhone(), Entity.MDL, Product.PV, form, "2B", at);
        publish(Leads.received(gold, LeadStatus.PENDING, at));
        publish(Leads.received(plain, LeadStatus.PENDING, at));
        tap().await(LeadRouted.class, r -> r.lead().leadId().equals(gold.leadId()));
        tap().await(LeadRouted.class, r -> r.lead().leadId().equals(plain.leadId()));

        Instant runAt = at.plus(Duration.ofHours(1));
        Envelope<LeadDelivered> toC1 = Leads.delivered(gold, c1, k1, runAt);
        publish(toC1);
        publish(Envelope.of(
                new LeadDelivered(
                        plain.leadId(),
                        plain.phone(),
                        Product.PV,
                        Entity.MDL,
                        Entity.MDL,
                        c2,
                        k2,
                        "b-" + UUID.randomUUID(),
                        toC1.payload().runId(),
                        day,
                        runAt,
                        LeadKind.LB,
                        false),
                "delivery-service",
                runAt));
        publish(Envelope.of(
                new RunCompleted(
                        toC1.payload().runId(),
                        Entity.MDL,
                        day,
                        runAt,
                        List.of(
                                new BatchSummary(toC1.payload().batchId(), k1, c1, Product.PV, 5, 1, 0, 0, 2, true),
                                new BatchSummary("b-k2-" + day, k2, c2, Product.PV, 1, 0, 1, 0, 0, false))),
                "delivery-service",
                runAt));
        publish(Envelope.of(
                new DeliveryOutcome(
                        toC1.payload().batchId(),
                        toC1.payload().runId(),
                        Entity.MDL,
                        c1,
                        OutcomeChannel.EMAIL,
                        List.of(gold.leadId()),
                        OutcomeStatus.FAILED,
                        "mailbox full",
                        3,
                        runAt),
                "notifier-service",
                runAt));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> "delivered"
                .equals(get(admin(), "/admin/leads/" + gold.leadId()).get("status")));
        clock.set(runAt.plus(Duration.ofHours(2)));
        admin().post()
                .uri("/admin/leads/" + gold.leadId() + "/reject")
                .bodyValue(Map.of("reason", "Faux numéro"))
                .exchange()
                .expectStatus()
                .isOk();

        String range = "entity=MDL&from=" + day + "&to=" + day;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Object> byClient = get(admin(), "/admin/stats?" + range + "&group_by=client");
            Map<String, Object> first = row(byClient, "client", c1);
            assertThat(first)
                    .containsEntry("delivered", 1)
                    .containsEntry("delivered_fresh", 1)
                    .containsEntry("rejected", 1)
                    .containsEntry("email_failures", 1)
                    .containsEntry("batch_target", 5)
                    .containsEntry("commandes_short", 1)
                    .containsEntry("duplicates_replaced", 2)
                    .containsEntry("received", 0);
            Map<String, Object> second = row(byClient, "client", c2);
            assertThat(second)
                    .containsEntry("delivered", 1)
                    .containsEntry("delivered_lb", 1)
                    .containsEntry("commandes_short", 0);
            // reception facts belong to no client
            assertThat(row(byClient, "client", null)).containsEntry("received", 2);
        });

        Map<String, Object> byCommande = get(admin(), "/admin/stats?" + range + "&group_by=commande&client=" + c1);
        assertThat(row(byCommande, "commande", k1))
                .containsEntry("delivered", 1)
                .containsEntry("rejected", 1)
                .containsEntry("batches", 1);
        assertThat((List<Map<String, Object>>) byCommande.get("rows"))
                .extracting(r -> r.get("commande"))
                .doesNotContain(k2);

        Map<String, Object> goldOnly =
                get(admin(), "/admin/stats?" + range + "&quality_tier=gold&group_by=quality_tier");
        assertThat((Map<String, Object>) goldOnly.get("totals"))
                .containsEntry("received", 1)
                .containsEntry("delivered", 1);
        assertThat(row(goldOnly, "quality_tier", "gold")).containsEntry("received", 1);
        Map<String, Object> byCampaign = get(
                admin(),
                "/admin/stats?" + range + "&utm_campaign=" + campaign + "&product=pv&departement=2B&form=" + form);
        assertThat((Map<String, Object>) byCampaign.get("totals")).containsEntry("received", 1);

        Map<String, Object> problem = admin().get()
                .uri("/admin/stats?" + range + "&colour=red&product=XX&group_by=client")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        assertThat((List<Map<String, Object>>) problem.get("invalid_params"))
                .extracting(p -> p.get("name"))
                .containsExactlyInAnyOrder("colour", "product");
    }
}
