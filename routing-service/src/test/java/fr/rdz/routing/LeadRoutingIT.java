package fr.rdz.routing;

import static fr.rdz.routing.AdminApi.get;
import static fr.rdz.routing.AdminApi.list;
import static fr.rdz.routing.AdminApi.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.rdz.events.BatchSummary;
import fr.rdz.events.DeliveryOutcome;
import fr.rdz.events.Entity;
import fr.rdz.events.Envelope;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadRejected;
import fr.rdz.events.LeadRouted;
import fr.rdz.events.LeadStatus;
import fr.rdz.events.OutcomeChannel;
import fr.rdz.events.OutcomeStatus;
import fr.rdz.events.PersonErased;
import fr.rdz.events.Product;
import fr.rdz.events.RoutingState;
import fr.rdz.events.RunCompleted;
import fr.rdz.rules.ParisCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

@SuppressWarnings("unchecked")
class LeadRoutingIT extends RoutingIntegrationTest {

    private String formCode;
    private String clientId;
    private String commandeId;

    @BeforeEach
    void catalog() {
        clock.set(START);
        tap();
        String lpCode = (String) post(admin(), "/admin/lps", Catalogs.lp("ZR7")).get("code");
        formCode = (String) post(
                        admin(),
                        "/admin/forms",
                        Map.of("entity", "ZR7", "product", "PV", "name", "Solaire", "lp_code", lpCode))
                .get("code");
        clientId =
                (String) post(admin(), "/admin/clients", Catalogs.client("ZR7")).get("id");
        // a département no other test uses, so that only this test's commande can match
        commandeId = (String) post(admin(), "/admin/commandes", Catalogs.commande("ZR7", clientId, "PV", List.of("2A")))
                .get("id");
    }

    @Test
    void routesToTheMatchingCommandeAndAppliesTheThirtyDayDuplicateRule() {
        String phone = Leads.aPhone();
        LeadData first = Leads.aLead(phone, Entity.ZR7, Product.PV, formCode, "2A", clock.instant());
        publish(Leads.received(first, LeadStatus.PENDING, clock.instant()));
        LeadRouted routed = tap().await(LeadRouted.class, r -> r.lead().leadId().equals(first.leadId()));
        assertThat(routed.state()).isEqualTo(RoutingState.FRESH);
        assertThat(routed.eligibleCommandeIds()).contains(commandeId);

        Instant deliveredAt = clock.instant().plus(Duration.ofHours(1));
        publish(Leads.delivered(first, clientId, commandeId, deliveredAt));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> "delivered"
                .equals(get(admin(), "/admin/leads/" + first.leadId()).get("status")));

        clock.set(deliveredAt.plus(Duration.ofDays(10)));
        LeadData second = Leads.aLead(phone, Entity.ZR7, Product.PV, formCode, "2A", clock.instant());
        publish(Leads.received(second, LeadStatus.PENDING, clock.instant()));
        LeadRouted duplicate =
                tap().await(LeadRouted.class, r -> r.lead().leadId().equals(second.leadId()));
        assertThat(duplicate.eligibleCommandeIds()).doesNotContain(commandeId);

        // exactly 30 Paris calendar days after the delivery: still a duplicate (the shared
        // ThirtyDayWindow, the same answer delivery's planner gives), through the ledger query too
        clock.set(ParisCalendar.daysBefore(deliveredAt, -30));
        LeadData onTheBoundary = Leads.aLead(phone, Entity.ZR7, Product.PV, formCode, "2A", clock.instant());
        publish(Leads.received(onTheBoundary, LeadStatus.PENDING, clock.instant()));
        LeadRouted boundary =
                tap().await(LeadRouted.class, r -> r.lead().leadId().equals(onTheBoundary.leadId()));
        assertThat(boundary.eligibleCommandeIds()).doesNotContain(commandeId);

        clock.set(deliveredAt.plus(Duration.ofDays(31)));
        LeadData third = Leads.aLead(phone, Entity.ZR7, Product.PV, formCode, "2A", clock.instant());
        publish(Leads.received(third, LeadStatus.PENDING, clock.instant()));
        LeadRouted again = tap().await(LeadRouted.class, r -> r.lead().leadId().equals(third.leadId()));
        assertThat(again.state()).isEqualTo(RoutingState.FRESH);
        assertThat(again.eligibleCommandeIds()).contains(commandeId);
    }

    @Test
    void routesTheSameEventOnlyOnce() {
        String phone = Leads.aPhone();
        LeadData lead = Leads.aLead(phone, Entity.ZR7, Product.PV, formCode, "2A", clock.instant());
        Envelope<?> event = Leads.received(lead, LeadStatus.PENDING, clock.instant());
        publish(event);
        publish(event);
        // a later lead of the same phone is on the same partition: once it is routed, the repeat was handled
        LeadData later = Leads.aLead(phone, Entity.ZR7, Product.PAC, formCode, "2A", clock.instant());
        publish(Leads.received(later, LeadStatus.PENDING, clock.instant()));
        tap().await(LeadRouted.class, r -> r.lead().leadId().equals(later.leadId()));

        assertThat(tap().all(LeadRouted.class, r -> r.lead().leadId().equals(lead.leadId())))
                .hasSize(1);
        List<?> history =
                (List<?>) get(admin(), "/admin/leads/" + lead.leadId()).get("history");
        assertThat(history).hasSize(2);
    }

    @Test
    void keepsInvalidLeadsOutOfDistributionButQueryable() {
        LeadData lead = Leads.aLead("0123456789", Entity.ZR7, Product.PV, formCode, "2A", clock.instant());
        publish(Leads.received(lead, LeadStatus.INVALID_PHONE, clock.instant()));
        LeadRouted routed = tap().await(LeadRouted.class, r -> r.lead().leadId().equals(lead.leadId()));
        assertThat(routed.state()).isEqualTo(RoutingState.INVALID);
        assertThat(routed.eligibleCommandeIds()).isEmpty();

        Map<String, Object> detail = get(admin(), "/admin/leads/" + lead.leadId());
        assertThat(detail.get("status")).isEqualTo("invalid");
        assertThat(detail.get("intake_status")).isEqualTo("invalid_phone");
        assertThat(list(admin(), "/admin/leads?status=invalid_phone&form=" + formCode))
                .extracting(m -> m.get("lead_id"))
                .contains(lead.leadId());
    }

    @Test
    void showsTheFullHistoryAndRecordsARejection() {
        String phone = Leads.aPhone();
        LeadData lead = Leads.aLead(phone, Entity.ZR7, Product.PV, formCode, "2A", clock.instant());
        publish(Leads.received(lead, LeadStatus.PENDING, clock.instant()));
        tap().await(LeadRouted.class, r -> r.lead().leadId().equals(lead.leadId()));
        var delivered = Leads.delivered(lead, clientId, commandeId, clock.instant());
        publish(delivered);
        publish(Envelope.of(
                new DeliveryOutcome(
                        delivered.payload().batchId(),
                        delivered.payload().runId(),
                        Entity.ZR7,
                        clientId,
                        OutcomeChannel.EMAIL,
                        List.of(lead.leadId()),
                        OutcomeStatus.SENT,
                        null,
                        1,
                        clock.instant()),
                "notifier-service",
                clock.instant()));
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() ->
                        ((List<?>) get(admin(), "/admin/leads/" + lead.leadId()).get("history")).size() >= 4);

        Map<String, Object> rejected = admin().post()
                .uri("/admin/leads/" + lead.leadId() + "/reject")
                .bodyValue(Map.of("reason", "Numéro injoignable"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(rejected.get("status")).isEqualTo("rejected");
        assertThat((List<Object>) rejected.get("history"))
                .extracting(h -> (Object) ((Map<?, ?>) h).get("type"))
                .containsExactly("received", "routed", "delivered", "sent", "rejected");
        LeadRejected event = tap().await(LeadRejected.class, r -> r.leadId().equals(lead.leadId()));
        assertThat(event.clientId()).isEqualTo(clientId);

        // the person submits again later: never resold to the client who rejected them
        clock.advance(Duration.ofDays(40));
        LeadData again = Leads.aLead(phone, Entity.ZR7, Product.PV, formCode, "2A", clock.instant());
        publish(Leads.received(again, LeadStatus.PENDING, clock.instant()));
        assertThat(tap().await(LeadRouted.class, r -> r.lead().leadId().equals(again.leadId()))
                        .eligibleCommandeIds())
                .doesNotContain(commandeId);
    }

    @Test
    void completesTheHistoryWhenDeliveryEventsArriveBeforeTheLead() {
        LeadData lead = Leads.aLead(Leads.aPhone(), Entity.ZR7, Product.PV, formCode, "2A", clock.instant());
        var delivered = Leads.delivered(lead, clientId, commandeId, clock.instant());
        publish(delivered);
        publish(Envelope.of(
                new DeliveryOutcome(
                        delivered.payload().batchId(),
                        delivered.payload().runId(),
                        Entity.ZR7,
                        clientId,
                        OutcomeChannel.API,
                        List.of(lead.leadId()),
                        OutcomeStatus.AUTH_ERROR,
                        "403",
                        1,
                        clock.instant()),
                "crm-push-service",
                clock.instant()));
        publish(Leads.received(lead, LeadStatus.PENDING, clock.instant()));

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> assertThat((List<Object>)
                        get(admin(), "/admin/leads/" + lead.leadId()).get("history"))
                .extracting(h -> (Object) ((Map<?, ?>) h).get("type"))
                .containsExactly("received", "routed", "delivered", "failed"));
        Map<String, Object> detail = get(admin(), "/admin/leads/" + lead.leadId());
        assertThat(detail.get("status")).isEqualTo("delivered");
        // the delivery as the console reads it: one object per delivery, these snake_case fields
        assertThat((List<Object>) detail.get("deliveries")).singleElement().satisfies(d -> {
            Map<?, ?> delivery = (Map<?, ?>) d;
            assertThat(List.<Object>copyOf(delivery.keySet()))
                    .containsExactlyInAnyOrder(
                            "client_id", "commande_id", "batch_id", "run_id", "delivered_at", "kind", "cross_entity");
            assertThat(delivery.get("client_id")).isEqualTo(clientId);
            assertThat(delivery.get("commande_id")).isEqualTo(commandeId);
            assertThat(delivery.get("batch_id")).isEqualTo(delivered.payload().batchId());
            assertThat(delivery.get("run_id")).isEqualTo(delivered.payload().runId());
            assertThat(delivery.get("cross_entity")).isEqualTo(false);
        });
    }

    @Test
    void refusesToEraseWhatIsNotAFrenchPhone() {
        for (String notAPhone : List.of("0000000000", "0012345678", "06123", "+4915112345678")) {
            admin().delete()
                    .uri("/admin/persons/" + notAPhone)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.detail")
                    .value(m -> assertThat((String) m).contains("French number"));
        }
    }

    @Test
    void erasesAPersonEverywhereAndKeepsTheCounts() {
        String phone = Leads.aPhone();
        LeadData lead = Leads.aLead(phone, Entity.ZR7, Product.PV, formCode, "2A", clock.instant());
        publish(Leads.received(lead, LeadStatus.PENDING, clock.instant()));
        tap().await(LeadRouted.class, r -> r.lead().leadId().equals(lead.leadId()));

        admin().delete()
                .uri("/admin/persons/+33" + phone.substring(1))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.leads_erased")
                .isEqualTo(1);
        Map<String, Object> detail = get(admin(), "/admin/leads/" + lead.leadId());
        assertThat(detail.get("erased")).isEqualTo(true);
        assertThat(detail.get("phone")).isNull();
        assertThat(detail.get("nom")).isNull();
        assertThat(detail.get("departement")).isEqualTo("2A");
        tap().await(PersonErased.class, e -> e.phone().equals(phone));
        assertThat(list(admin(), "/admin/leads?phone=" + phone)).isEmpty();
    }

    @Test
    void countsReceivedRoutedAndRunFiguresForTheDashboard() {
        LocalDate day = LocalDate.parse("2031-03-03");
        Instant at = day.atTime(9, 0).toInstant(java.time.ZoneOffset.UTC);
        clock.set(at);
        LeadData routedLead = Leads.aLead(Leads.aPhone(), Entity.MDL, Product.ITE, formCode, "2B", at);
        LeadData invalid = Leads.aLead(Leads.aPhone(), Entity.MDL, Product.ITE, formCode, "2B", at);
        publish(Leads.received(routedLead, LeadStatus.PENDING, at));
        publish(Leads.received(invalid, LeadStatus.MISSING_REQUIRED, at));
        publish(Envelope.of(
                new RunCompleted(
                        "run-MDL-" + day,
                        Entity.MDL,
                        day,
                        at,
                        List.of(new BatchSummary("b-stats-1", "cmd-x", "c-x", Product.ITE, 10, 6, 1, 0, 3, true))),
                "delivery-service",
                at));
        tap().await(LeadRouted.class, r -> r.lead().leadId().equals(invalid.leadId()));
        tap().await(LeadRouted.class, r -> r.lead().leadId().equals(routedLead.leadId()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Object> stats = get(admin(), "/admin/stats?entity=MDL&from=" + day + "&to=" + day);
            Map<?, ?> totals = (Map<?, ?>) stats.get("totals");
            assertThat(totals.get("received")).isEqualTo(2);
            assertThat(totals.get("valid")).isEqualTo(1);
            assertThat(totals.get("missing_required")).isEqualTo(1);
            assertThat(totals.get("no_order")).isEqualTo(1);
            assertThat(totals.get("duplicates_replaced")).isEqualTo(3);
            assertThat(totals.get("commandes_short")).isEqualTo(1);
        });
        Map<String, Object> byProduct =
                get(admin(), "/admin/stats?entity=MDL&from=" + day + "&to=" + day + "&group_by=product");
        assertThat((List<Object>) byProduct.get("rows"))
                .extracting(r -> (Object) ((Map<?, ?>) r).get("key"))
                .containsExactly("ITE");
        Map<String, Object> byDayAndEntity =
                get(admin(), "/admin/stats?from=" + day + "&to=" + day + "&group_by=day,entity");
        Map<?, ?> row = (Map<?, ?>) ((List<?>) byDayAndEntity.get("rows")).get(0);
        assertThat(row.get("key")).isEqualTo(day + "|MDL");
        assertThat(row.get("entity")).isEqualTo("MDL");
        assertThat(row.get("received")).isEqualTo(2);
        admin().get()
                .uri("/admin/stats?group_by=colour")
                .exchange()
                .expectStatus()
                .isBadRequest();
    }
}
