package fr.rdz.routing.consent;

import static fr.rdz.routing.AdminApi.get;
import static fr.rdz.routing.AdminApi.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.rdz.events.ConsentWithdrawn;
import fr.rdz.events.Entity;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadRouted;
import fr.rdz.events.LeadStatus;
import fr.rdz.events.Product;
import fr.rdz.events.RoutingState;
import fr.rdz.routing.Catalogs;
import fr.rdz.routing.Leads;
import fr.rdz.routing.RoutingIntegrationTest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** A person withdraws their consent: their leads, delivered or not, and their later leads are never delivered again. */
@SuppressWarnings("unchecked")
class ConsentWithdrawalIT extends RoutingIntegrationTest {

    private String client;
    private String commande;
    private String formCode;

    @BeforeEach
    void catalog() {
        clock.set(START);
        tap();
        client =
                (String) post(admin(), "/admin/clients", Catalogs.client("ZR7")).get("id");
        // a département no other test uses
        commande = (String) post(admin(), "/admin/commandes", Catalogs.commande("ZR7", client, "PAC", List.of("46")))
                .get("id");
        formCode = (String)
                post(admin(), "/admin/forms", Catalogs.form("ZR7", "PAC")).get("code");
    }

    @Test
    void aWithdrawalByPhoneAndEmailTakesEveryLeadOfThePersonOutOfDeliveryForGood() {
        LeadData delivered = routedFresh(Leads.aPhone());
        publish(Leads.delivered(delivered, client, commande, clock.instant()));
        await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> get(admin(), "/admin/leads/" + delivered.leadId()).get("status"), "delivered"::equals);
        String phone = delivered.phone();
        String typed = "+33 " + phone.substring(1, 2) + " " + phone.substring(2, 4) + " " + phone.substring(4, 6) + " "
                + phone.substring(6, 8) + " " + phone.substring(8);

        clock.set(START.plus(Duration.ofDays(2)));
        Map<String, Object> answer = web.post()
                .uri("/public/opposition")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", typed, "email", "  Eloise.MARTIN@example.fr "))
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat((String) answer.get("message")).contains("opposition est prise en compte");
        assertThat(answer.toString()).doesNotContain(phone).doesNotContain("eloise");

        // delivery gets the lead again, refused: out of its pool for good
        LeadRouted withdrawn = tap().await(
                        LeadRouted.class,
                        r -> r.lead().leadId().equals(delivered.leadId()) && r.state() == RoutingState.NO_CONSENT);
        assertThat(withdrawn.reason()).isEqualTo("consent_withdrawn");
        assertThat(withdrawn.eligibleCommandeIds()).isEmpty();
        assertThat(withdrawn.lead().consent().withdrawnAt()).isEqualTo(START.plus(Duration.ofDays(2)));
        assertThat(withdrawn.lead().consent().refused()).isTrue();
        // the client who received it in the last 30 days is told
        ConsentWithdrawn notice =
                tap().await(ConsentWithdrawn.class, n -> n.leadId().equals(delivered.leadId()));
        assertThat(notice.clientIds()).containsExactly(client);
        assertThat(notice.phone()).isEqualTo(phone);
        assertThat(notice.withdrawnAt()).isEqualTo(START.plus(Duration.ofDays(2)));
        Map<String, Object> view = get(admin(), "/admin/leads/" + delivered.leadId());
        assertThat(((Map<String, Object>) view.get("why_not_delivered")).get("code"))
                .isEqualTo("consent_withdrawn");
        assertThat((List<Map<String, Object>>) view.get("history"))
                .filteredOn(h -> "consent_withdrawn".equals(h.get("type")))
                .singleElement()
                .satisfies(h -> assertThat((String) h.get("reason")).contains(client));

        // a later lead of the same person is stored, never distributed, and says why
        LeadData later = Leads.aLead(phone, Entity.ZR7, Product.PAC, formCode, "46", clock.instant());
        publish(Leads.received(later, LeadStatus.PENDING, clock.instant()));
        LeadRouted laterRouted =
                tap().await(LeadRouted.class, r -> r.lead().leadId().equals(later.leadId()));
        assertThat(laterRouted.state()).isEqualTo(RoutingState.NO_CONSENT);
        assertThat(laterRouted.reason()).isEqualTo("consent_withdrawn");
        assertThat(laterRouted.eligibleCommandeIds()).isEmpty();
        Map<String, Object> why = (Map<String, Object>) await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> get(admin(), "/admin/leads/" + later.leadId()).get("why_not_delivered"), w -> w != null);
        assertThat(why.get("code")).isEqualTo("consent_withdrawn");
        assertThat((String) why.get("message")).contains("Consentement retiré");
        clock.set(START);
    }

    @Test
    void aWrongEmailChangesNothingAndAnswersTheSameBadInputIsAFrenchProblem() {
        LeadData lead = routedFresh(Leads.aPhone());
        web.post()
                .uri("/public/opposition")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", lead.phone(), "email", "someone.else@example.fr"))
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody()
                .jsonPath("$.message")
                .isEqualTo("Votre demande d'opposition est prise en compte. Si ces coordonnées correspondent à une "
                        + "demande de contact que nous avons reçue, elles ne seront plus transmises à nos partenaires, "
                        + "et ceux qui les ont reçues ces 30 derniers jours en seront informés.");
        assertThat(get(admin(), "/admin/leads/" + lead.leadId()).get("status")).isEqualTo("fresh");

        web.post()
                .uri("/public/opposition")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", "12", "email", "pas-une-adresse"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Demande incomplète")
                .jsonPath("$.errors[0].field")
                .isEqualTo("phone")
                .jsonPath("$.errors[1].field")
                .isEqualTo("email")
                .jsonPath("$.errors[1].message")
                .value(m -> assertThat((String) m).contains("adresse"));
        String page = web.get()
                .uri("/public/opposition")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(page)
                .contains("lang=\"fr\"")
                .contains("Retirer mon consentement")
                .contains("name=\"phone\"");
    }

    @Test
    void theLeadsSignedLinkConfirmsAWithdrawalATamperedOneDoesNot() {
        LeadData lead = routedFresh(Leads.aPhone());
        Map<String, Object> link = get(admin(), "/admin/leads/" + lead.leadId() + "/consent-proof-link");
        URI url = URI.create((String) link.get("consent_proof_url"));
        Map<String, String> query = new java.util.HashMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            query.put(pair.split("=", 2)[0], pair.split("=", 2)[1]);
        }
        web.post()
                .uri("/public/opposition")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("lead_id=" + lead.leadId() + "&expires=" + query.get("expires") + "&signature=x"
                        + query.get("signature"))
                .exchange()
                .expectStatus()
                .isForbidden();
        assertThat(get(admin(), "/admin/leads/" + lead.leadId()).get("status")).isEqualTo("fresh");

        String confirmed = web.post()
                .uri("/public/opposition")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("lead_id=" + lead.leadId() + "&expires=" + query.get("expires") + "&signature="
                        + query.get("signature"))
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(confirmed).contains("Opposition enregistrée");
        LeadRouted withdrawn = tap().await(
                        LeadRouted.class,
                        r -> r.lead().leadId().equals(lead.leadId()) && r.state() == RoutingState.NO_CONSENT);
        assertThat(withdrawn.reason()).isEqualTo("consent_withdrawn");
        assertThat(get(admin(), "/admin/leads/" + lead.leadId()).get("status")).isEqualTo("no_consent");
        // no delivery recorded: nobody to tell, but the channels still hear of it, so that a batch
        // planned before the withdrawal and not yet recorded here leaves the lead out
        ConsentWithdrawn notice =
                tap().await(ConsentWithdrawn.class, n -> n.leadId().equals(lead.leadId()));
        assertThat(notice.clientIds()).isEmpty();
        assertThat(notice.phone()).isEqualTo(lead.phone());
    }

    private LeadData routedFresh(String phone) {
        LeadData lead = Leads.aLead(phone, Entity.ZR7, Product.PAC, formCode, "46", clock.instant());
        publish(Leads.received(lead, LeadStatus.PENDING, clock.instant()));
        LeadRouted routed = tap().await(LeadRouted.class, r -> r.lead().leadId().equals(lead.leadId()));
        assertThat(routed.state()).isEqualTo(RoutingState.FRESH);
        assertThat(routed.eligibleCommandeIds()).contains(commande);
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> get(admin(), "/admin/leads/" + lead.leadId()).get("status"), "fresh"::equals);
        return lead;
    }
}
