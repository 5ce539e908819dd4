package fr.rdz.routing.consent;

import static fr.rdz.routing.AdminApi.get;
import static fr.rdz.routing.AdminApi.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.rdz.events.ConsentProof;
import fr.rdz.events.Entity;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadRouted;
import fr.rdz.events.LeadStatus;
import fr.rdz.events.Product;
import fr.rdz.events.RoutingState;
import fr.rdz.routing.Catalogs;
import fr.rdz.routing.Leads;
import fr.rdz.routing.RoutingIntegrationTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class ConsentAwareRoutingIT extends RoutingIntegrationTest {

    private String clientA;
    private String clientB;
    private String commandeA;
    private String commandeB;
    private String version;
    private String formCode;

    @BeforeEach
    void catalog() {
        clock.set(START);
        tap();
        clientA =
                (String) post(admin(), "/admin/clients", Catalogs.client("ZR7")).get("id");
        clientB =
                (String) post(admin(), "/admin/clients", Catalogs.client("ZR7")).get("id");
        // a département no other test uses
        commandeA = (String) post(admin(), "/admin/commandes", Catalogs.commande("ZR7", clientA, "PAC", List.of("48")))
                .get("id");
        commandeB = (String) post(admin(), "/admin/commandes", Catalogs.commande("ZR7", clientB, "PAC", List.of("48")))
                .get("id");
        version = (String) post(admin(), "/admin/consent-texts", Catalogs.consentText("ZR7", List.of(clientA)))
                .get("version");
        Map<String, Object> form = new HashMap<>(Catalogs.form("ZR7", "PAC"));
        form.put("consent_text_version", version);
        formCode = (String) post(admin(), "/admin/forms", form).get("code");
    }

    @Test
    void aLeadIsEligibleOnlyForTheClientsItsFormsConsentTextNames() {
        LeadData lead = withVersion(
                Leads.aLead(Leads.aPhone(), Entity.ZR7, Product.PAC, formCode, "48", clock.instant()), null);
        publish(Leads.received(lead, LeadStatus.PENDING, clock.instant()));

        LeadRouted routed = tap().await(LeadRouted.class, r -> r.lead().leadId().equals(lead.leadId()));
        assertThat(routed.state()).isEqualTo(RoutingState.FRESH);
        assertThat(routed.eligibleCommandeIds()).contains(commandeA).doesNotContain(commandeB);
        assertThat(routed.consentClientIds()).containsExactly(clientA);
        assertThat(routed.lead().consent().consentTextVersion()).isEqualTo(version);

        List<Map<String, Object>> history = (List<Map<String, Object>>) await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> get(admin(), "/admin/leads/" + lead.leadId()).get("history"), h -> h != null);
        // each commande left out has its own line (earlier tests' commandes of this département too)
        assertThat(history)
                .filteredOn(h -> "not_eligible".equals(h.get("type")))
                .noneMatch(h -> commandeA.equals(h.get("commande_id")));
        assertThat(history)
                .filteredOn(h -> "not_eligible".equals(h.get("type")) && commandeB.equals(h.get("commande_id")))
                .singleElement()
                .satisfies(h -> {
                    assertThat(h.get("commande_id")).isEqualTo(commandeB);
                    assertThat(h.get("client_id")).isEqualTo(clientB);
                    assertThat((String) h.get("reason"))
                            .startsWith("not_covered_by_consent")
                            .contains("hors consentement");
                });
    }

    @Test
    void aLeadWhoseTextNamesNoMatchingClientHasNoOrderBecauseOfConsent() {
        String onlyOther =
                (String) post(admin(), "/admin/clients", Catalogs.client("ZR7")).get("id");
        String other = (String) post(admin(), "/admin/consent-texts", Catalogs.consentText("ZR7", List.of(onlyOther)))
                .get("version");
        LeadData lead = withVersion(
                Leads.aLead(Leads.aPhone(), Entity.ZR7, Product.PAC, formCode, "48", clock.instant()), other);
        publish(Leads.received(lead, LeadStatus.PENDING, clock.instant()));

        LeadRouted routed = tap().await(LeadRouted.class, r -> r.lead().leadId().equals(lead.leadId()));
        assertThat(routed.state()).isEqualTo(RoutingState.NO_ORDER);
        assertThat(routed.reason()).isEqualTo("not_covered_by_consent");
        assertThat(routed.consentClientIds()).containsExactly(onlyOther);
    }

    @Test
    void anUnknownVersionIsFlaggedAndLegacyLeadsStayUnrestricted() {
        LeadData unknown = withVersion(
                Leads.aLead(Leads.aPhone(), Entity.ZR7, Product.PAC, "PAC-9999", "48", clock.instant()), "CT-UNKNOWN");
        publish(Leads.received(unknown, LeadStatus.PENDING, clock.instant()));
        LeadRouted routed = tap().await(LeadRouted.class, r -> r.lead().leadId().equals(unknown.leadId()));
        assertThat(routed.eligibleCommandeIds()).contains(commandeA, commandeB);
        assertThat(routed.consentClientIds()).isNull();
        List<Map<String, Object>> history = (List<Map<String, Object>>) await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> get(admin(), "/admin/leads/" + unknown.leadId()).get("history"), h -> h != null);
        assertThat(history)
                .filteredOn(h -> "consent_warning".equals(h.get("type")))
                .singleElement()
                .satisfies(h -> assertThat((String) h.get("reason")).contains("CT-UNKNOWN"));

        LeadData legacy = withVersion(
                Leads.aLead(Leads.aPhone(), Entity.ZR7, Product.PAC, "PAC-9999", "48", clock.instant()), null);
        publish(Leads.received(legacy, LeadStatus.PENDING, clock.instant()));
        LeadRouted legacyRouted =
                tap().await(LeadRouted.class, r -> r.lead().leadId().equals(legacy.leadId()));
        assertThat(legacyRouted.eligibleCommandeIds()).contains(commandeA, commandeB);
        assertThat(legacyRouted.consentClientIds()).isNull();
    }

    private static LeadData withVersion(LeadData lead, String version) {
        ConsentProof c = lead.consent();
        return new LeadData(
                lead.leadId(),
                lead.receivedAt(),
                lead.entity(),
                lead.product(),
                lead.contact(),
                lead.project(),
                lead.source(),
                new ConsentProof(
                        c.rgpdConsent(),
                        c.consentText(),
                        c.pageUrl(),
                        c.ip(),
                        c.userAgent(),
                        c.consentedAt(),
                        version));
    }
}
