package fr.rdz.routing;

import static fr.rdz.routing.AdminApi.get;
import static fr.rdz.routing.AdminApi.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.rdz.events.BatchSummary;
import fr.rdz.events.Entity;
import fr.rdz.events.Envelope;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadReceived;
import fr.rdz.events.LeadRouted;
import fr.rdz.events.LeadStatus;
import fr.rdz.events.Product;
import fr.rdz.events.RunCompleted;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A lead's detail tells why it was not delivered, in French, and its history reads as a timeline. */
@SuppressWarnings("unchecked")
class WhyNotDeliveredIT extends RoutingIntegrationTest {

    private String formCode;
    private String clientId;
    private String commandeId;

    /** Each test has its own département, so that no other commande matches its leads. */
    private void catalog(String departement) {
        clock.set(START);
        tap();
        formCode = (String)
                post(admin(), "/admin/forms", Catalogs.form("ZR7", "ITE")).get("code");
        clientId =
                (String) post(admin(), "/admin/clients", Catalogs.client("ZR7")).get("id");
        commandeId = (String)
                post(admin(), "/admin/commandes", Catalogs.commande("ZR7", clientId, "ITE", List.of(departement)))
                        .get("id");
    }

    private LeadData receive(String phone, String departement, LeadStatus status, List<String> missing) {
        LeadData lead = Leads.aLead(phone, Entity.ZR7, Product.ITE, formCode, departement, clock.instant());
        publish(Envelope.of(
                new LeadReceived(lead, status, missing, null, LeadReceived.ORIGIN_PUBLIC),
                "intake-service",
                clock.instant()));
        tap().await(LeadRouted.class, r -> r.lead().leadId().equals(lead.leadId()));
        return lead;
    }

    private static Map<String, Object> why(Map<String, Object> detail) {
        return (Map<String, Object>) detail.get("why_not_delivered");
    }

    @Test
    void explainsNoCommandeAndInvalidLeads() {
        catalog("05");
        Map<String, Object> noOrder = why(get(
                admin(),
                "/admin/leads/"
                        + receive(Leads.aPhone(), "976", LeadStatus.PENDING, List.of())
                                .leadId()));
        assertThat(noOrder.get("code")).isEqualTo("no_order");
        assertThat((Map<String, Object>) noOrder.get("params"))
                .containsEntry("departement", "976")
                .containsEntry("product", "ITE")
                .containsEntry("entity", "ZR7");
        assertThat((String) noOrder.get("message"))
                .isEqualTo(
                        "Aucune commande en vigueur pour le département 976 et le produit ITE (ZR7) à sa réception.");

        Map<String, Object> invalid = why(get(
                admin(),
                "/admin/leads/"
                        + receive(Leads.aPhone(), "05", LeadStatus.MISSING_REQUIRED, List.of("nom"))
                                .leadId()));
        assertThat(invalid.get("code")).isEqualTo("invalid");
        assertThat((Map<String, Object>) invalid.get("params"))
                .containsEntry("reason", "missing_required")
                .containsEntry("missing_fields", List.of("nom"));
        assertThat((String) invalid.get("message")).contains("manquant").contains("nom");
    }

    @Test
    void namesTheClientAndTheDateOfTheThirtyDayDuplicate() {
        catalog("06");
        String phone = Leads.aPhone();
        LeadData first = receive(phone, "06", LeadStatus.PENDING, List.of());
        Instant deliveredAt = clock.instant().plus(Duration.ofHours(1));
        publish(Leads.delivered(first, clientId, commandeId, deliveredAt));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> "delivered"
                .equals(get(admin(), "/admin/leads/" + first.leadId()).get("status")));
        Map<String, Object> delivered = get(admin(), "/admin/leads/" + first.leadId());
        assertThat(delivered).doesNotContainKey("why_not_delivered");
        assertThat((List<Map<String, Object>>) delivered.get("history"))
                .extracting(h -> h.get("label"))
                .containsExactly(
                        "Reçu (valide)", "Routé : éligible pour 1 commande", "Planifié pour Client ZR7 (Fresh)");

        clock.set(deliveredAt.plus(Duration.ofDays(10)));
        LeadData second = receive(phone, "06", LeadStatus.PENDING, List.of());
        Map<String, Object> why = why(get(admin(), "/admin/leads/" + second.leadId()));
        assertThat(why.get("code")).isEqualTo("duplicate");
        String until = LocalDate.ofInstant(deliveredAt.plus(Duration.ofDays(30)), java.time.ZoneId.of("Europe/Paris"))
                .toString();
        assertThat((Map<String, Object>) why.get("params"))
                .containsEntry("client_id", clientId)
                .containsEntry("client_name", "Client ZR7")
                .containsEntry("until", until);
        assertThat((String) why.get("message")).contains("Doublon").contains("Client ZR7");
    }

    @Test
    void tellsAfterCutOffThenQuotaReachedFromTheRunsAndWaitingWhenNoRunCame() {
        catalog("07");
        LocalDate day = LocalDate.parse("2034-03-14");
        Instant runPlanned = day.atTime(8, 30).toInstant(ZoneOffset.UTC);
        clock.set(runPlanned.plus(Duration.ofHours(3)));
        LeadData late = receive(Leads.aPhone(), "07", LeadStatus.PENDING, List.of());
        assertThat(why(get(admin(), "/admin/leads/" + late.leadId())).get("code"))
                .isEqualTo("waiting_for_run");

        publish(Envelope.of(
                new RunCompleted(
                        "run-why-" + day,
                        Entity.ZR7,
                        day,
                        runPlanned,
                        List.of(new BatchSummary(
                                "b-why-" + day, commandeId, clientId, Product.ITE, 2, 2, 0, 0, 0, false))),
                "delivery-service",
                runPlanned));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Object> why = why(get(admin(), "/admin/leads/" + late.leadId()));
            assertThat(why.get("code")).isEqualTo("after_cutoff");
            assertThat((Map<String, Object>) why.get("params"))
                    .containsEntry("run_id", "run-why-" + day)
                    .containsEntry("run_date", day.toString());
            assertThat((String) why.get("message"))
                    .isEqualTo("Reçu après le run du 14/03/2034 (planifié à 09:30) : il attend le prochain run.");
        });

        LocalDate next = day.plusDays(1);
        Instant nextPlanned = next.atTime(8, 30).toInstant(ZoneOffset.UTC);
        publish(Envelope.of(
                new RunCompleted(
                        "run-why-" + next,
                        Entity.ZR7,
                        next,
                        nextPlanned,
                        List.of(new BatchSummary(
                                "b-why-" + next, commandeId, clientId, Product.ITE, 2, 1, 1, 0, 1, false))),
                "delivery-service",
                nextPlanned));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Object> why = why(get(admin(), "/admin/leads/" + late.leadId()));
            assertThat(why.get("code")).isEqualTo("quota_reached");
            assertThat((Map<String, Object>) why.get("params"))
                    .containsEntry("commande_id", commandeId)
                    .containsEntry("client_name", "Client ZR7")
                    .containsEntry("target", 2)
                    .containsEntry("delivered", 2);
            assertThat((String) why.get("message"))
                    .isEqualTo("Quota atteint : au run du 15/03/2034, le lot de Client ZR7 était complet (2/2).");
        });
    }

    @Test
    void namesTheClientWhoRejectedTheLead() {
        catalog("08");
        LeadData lead = receive(Leads.aPhone(), "08", LeadStatus.PENDING, List.of());
        publish(Leads.delivered(lead, clientId, commandeId, clock.instant()));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> "delivered"
                .equals(get(admin(), "/admin/leads/" + lead.leadId()).get("status")));
        Map<String, Object> rejected = admin().post()
                .uri("/admin/leads/" + lead.leadId() + "/reject")
                .bodyValue(Map.of("reason", "Injoignable"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        Map<String, Object> why = why(rejected);
        assertThat(why.get("code")).isEqualTo("rejected_by_client");
        assertThat((Map<String, Object>) why.get("params"))
                .containsEntry("client_id", clientId)
                .containsEntry("reason", "Injoignable");
        assertThat((String) why.get("message"))
                .isEqualTo("Rejeté par le client Client ZR7 le 20/11/2026 : Injoignable.");
        assertThat((List<Map<String, Object>>) rejected.get("history"))
                .extracting(h -> h.get("label"))
                .last()
                .isEqualTo("Rejeté par Client ZR7 : Injoignable");
    }
}
