package fr.rdz.routing;

import static fr.rdz.routing.AdminApi.get;
import static fr.rdz.routing.AdminApi.list;
import static fr.rdz.routing.AdminApi.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.rdz.events.Entity;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadRejected;
import fr.rdz.events.LeadRouted;
import fr.rdz.events.LeadStatus;
import fr.rdz.events.Product;
import fr.rdz.kit.ConsoleTokenProperties;
import fr.rdz.kit.ConsoleTokens;
import fr.rdz.kit.Operator;
import fr.rdz.kit.PortalClient;
import fr.rdz.kit.RdzSecurityProperties.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The buyers' portal routes with the console's client tokens: a buyer sees and returns only the
 * leads delivered to its own client id (another buyer's lead is a 404, never listed), every admin
 * route refuses a client token, and a return follows the rejection rule (LeadRejected, history,
 * never resold to that client).
 */
@SuppressWarnings("unchecked")
class PortalRoutesIT extends RoutingIntegrationTest {

    private String formCode;
    private String clientA;
    private String clientB;
    private String commandeA;

    @BeforeEach
    void catalog() {
        clock.set(START);
        tap();
        String lpCode = (String) post(admin(), "/admin/lps", Catalogs.lp("ZR7")).get("code");
        formCode = (String) post(
                        admin(),
                        "/admin/forms",
                        Map.of("entity", "ZR7", "product", "PV", "name", "Portail", "lp_code", lpCode))
                .get("code");
        clientA =
                (String) post(admin(), "/admin/clients", Catalogs.client("ZR7")).get("id");
        clientB =
                (String) post(admin(), "/admin/clients", Catalogs.client("ZR7")).get("id");
        // a département no other test uses, so that only this test's commande can match
        commandeA = (String) post(admin(), "/admin/commandes", Catalogs.commande("ZR7", clientA, "PV", List.of("2B")))
                .get("id");
    }

    private WebTestClient buyer(String name, String clientId) {
        ConsoleTokenProperties properties = new ConsoleTokenProperties();
        properties.setSecret(ConsoleTokenIT.SECRET);
        properties.setValidity(Duration.ofMinutes(5));
        String token = new ConsoleTokens(properties, Clock.fixed(clock.instant(), ZoneOffset.UTC))
                .issue(new PortalClient(name, clientId));
        return web.mutate().defaultHeaders(h -> h.setBearerAuth(token)).build();
    }

    private LeadData deliveredTo(String clientId, String commandeId) {
        LeadData lead = Leads.aLead(Leads.aPhone(), Entity.ZR7, Product.PV, formCode, "2B", clock.instant());
        publish(Leads.received(lead, LeadStatus.PENDING, clock.instant()));
        tap().await(LeadRouted.class, r -> r.lead().leadId().equals(lead.leadId()));
        publish(Leads.delivered(lead, clientId, commandeId, clock.instant()));
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> "delivered"
                .equals(get(admin(), "/admin/leads/" + lead.leadId()).get("status")));
        return lead;
    }

    @Test
    void aBuyerSeesAndReturnsOnlyItsOwnLeads() {
        LeadData lead = deliveredTo(clientA, commandeA);
        WebTestClient a = buyer("acme", clientA);
        WebTestClient b = buyer("bravo", clientB);

        Map<String, Object> seen = get(a, "/portal/leads/" + lead.leadId());
        assertThat(seen.get("lead_id")).isEqualTo(lead.leadId());
        assertThat(seen.get("phone")).isEqualTo(lead.phone());
        assertThat(seen.get("returnable")).isEqualTo(true);
        assertThat(list(a, "/portal/leads?ids=" + lead.leadId() + ",unknown-lead"))
                .extracting(l -> l.get("lead_id"))
                .containsExactly(lead.leadId());

        // another buyer: nothing, and no hint that the lead exists
        b.get().uri("/portal/leads/" + lead.leadId()).exchange().expectStatus().isNotFound();
        assertThat(list(b, "/portal/leads?ids=" + lead.leadId())).isEmpty();
        b.post()
                .uri("/portal/leads/" + lead.leadId() + "/return")
                .bodyValue(Map.of("reason", "doublon"))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .value(body -> assertThat(body).doesNotContain(lead.phone()));

        // a reason out of the list, or 'autre' without words: every field at once, in French
        a.post()
                .uri("/portal/leads/" + lead.leadId() + "/return")
                .bodyValue(Map.of("reason", "pas_content"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("reason");
        a.post()
                .uri("/portal/leads/" + lead.leadId() + "/return")
                .bodyValue(Map.of("reason", "autre"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("comment");

        Map<String, Object> returned = a.post()
                .uri("/portal/leads/" + lead.leadId() + "/return")
                .bodyValue(Map.of("reason", "autre", "comment", "Déjà client chez nous"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(returned.get("returnable")).isEqualTo(false);
        assertThat(((Map<String, Object>) returned.get("returned")).get("reason"))
                .isEqualTo("Autre : Déjà client chez nous");

        LeadRejected event = tap().await(LeadRejected.class, r -> r.leadId().equals(lead.leadId()));
        assertThat(event.clientId()).isEqualTo(clientA);
        Map<String, Object> detail = get(admin(), "/admin/leads/" + lead.leadId());
        assertThat(detail.get("status")).isEqualTo("rejected");
        assertThat((List<Map<String, Object>>) detail.get("history"))
                .filteredOn(h -> "rejected".equals(h.get("type")))
                .singleElement()
                .satisfies(h -> {
                    assertThat(h.get("by")).isEqualTo("client:acme");
                    assertThat(h.get("reason")).isEqualTo("Autre : Déjà client chez nous");
                });
    }

    @Test
    void aReturnAfterTheWindowIsRefused() {
        LeadData lead = deliveredTo(clientA, commandeA);
        clock.advance(Duration.ofDays(31));
        buyer("acme", clientA)
                .post()
                .uri("/portal/leads/" + lead.leadId() + "/return")
                .bodyValue(Map.of("reason", "injoignable"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].message")
                .isEqualTo("Le délai de retour de ce lead est dépassé.");
        assertThat(get(admin(), "/admin/leads/" + lead.leadId()).get("status")).isEqualTo("delivered");
    }

    @Test
    void aClientTokenIsRefusedOnEveryAdminRouteAndOperatorsOnThePortal() {
        WebTestClient a = buyer("acme", clientA);
        for (String path : List.of("/admin/clients", "/admin/leads", "/admin/stats", "/admin/clients/" + clientA)) {
            a.get().uri(path).exchange().expectStatus().isForbidden();
        }
        a.post()
                .uri("/admin/clients")
                .bodyValue(Catalogs.client("ZR7"))
                .exchange()
                .expectStatus()
                .isForbidden();
        admin().get().uri("/portal/return-reasons").exchange().expectStatus().isForbidden();
        ConsoleTokenProperties properties = new ConsoleTokenProperties();
        properties.setSecret(ConsoleTokenIT.SECRET);
        properties.setValidity(Duration.ofMinutes(5));
        String viewer = new ConsoleTokens(properties, Clock.fixed(clock.instant(), ZoneOffset.UTC))
                .issue(new Operator("victor", Role.VIEWER, null));
        web.get()
                .uri("/portal/return-reasons")
                .headers(h -> h.setBearerAuth(viewer))
                .exchange()
                .expectStatus()
                .isForbidden();
        assertThat(list(a, "/portal/return-reasons"))
                .extracting(r -> r.get("label"))
                .containsExactly("Faux numéro", "Injoignable", "Doublon", "Hors zone", "Pas propriétaire", "Autre");
    }
}
