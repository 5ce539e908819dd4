package fr.rdz.routing;

import static fr.rdz.routing.AdminApi.get;
import static fr.rdz.routing.AdminApi.list;
import static fr.rdz.routing.AdminApi.post;
import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.events.Entity;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadRouted;
import fr.rdz.events.LeadStatus;
import fr.rdz.events.Product;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The console's lead search: name, e-mail, quality tier, strict parameters, bounded pages. */
@SuppressWarnings("unchecked")
class LeadSearchIT extends RoutingIntegrationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};

    private String formCode;

    @BeforeEach
    void catalog() {
        clock.set(START);
        tap();
        formCode = (String)
                post(admin(), "/admin/forms", Catalogs.form("ZR7", "PAC")).get("code");
    }

    private LeadData receive(String nom, String prenom, String email, String campaign) {
        return receive(Entity.ZR7, formCode, nom, prenom, email, campaign);
    }

    private LeadData receive(Entity entity, String form, String nom, String prenom, String email, String campaign) {
        LeadData lead = Leads.named(
                Leads.aLead(Leads.aPhone(), entity, Product.PAC, form, "2A", clock.instant()),
                nom,
                prenom,
                email,
                campaign);
        publish(Leads.received(lead, LeadStatus.PENDING, clock.instant()));
        tap().await(LeadRouted.class, r -> r.lead().leadId().equals(lead.leadId()));
        return lead;
    }

    @Test
    void findsLeadsByWholeWordsOfTheirNameIgnoringAccentsAndCaseAndByEmail() {
        String unique = "Zéphyrine" + UUID.randomUUID().toString().substring(0, 6);
        LeadData helene = receive("Dubœuf-" + unique, "Hélène", "Helene.Dub@Example.fr", "c-" + unique);
        LeadData other = receive("Durand-" + unique, "Marc", "marc.durand@example.fr", "c-" + unique);

        String plain = unique.replace("é", "e").toLowerCase();
        assertThat(list(admin(), "/admin/leads?name=" + plain + "&form=" + formCode))
                .extracting(m -> m.get("lead_id"))
                .containsExactlyInAnyOrder(helene.leadId(), other.leadId());
        admin().get()
                .uri("/admin/leads?size=1&name=" + plain)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Total-Count", "2")
                .expectHeader()
                .valueEquals("X-Total-Count-Capped", "false")
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .value(page ->
                        assertThat(page).extracting(m -> m.get("lead_id")).containsExactly(other.leadId()));
        assertThat(list(admin(), "/admin/leads?name=helene " + plain))
                .extracting(m -> m.get("lead_id"))
                .containsExactly(helene.leadId());
        // a searched word is a whole word of the nom or prénom (read by key), not a piece of one
        assertThat(list(admin(), "/admin/leads?name=HÉLÈNE&utm_campaign=c-" + unique))
                .extracting(m -> m.get("lead_id"))
                .containsExactly(helene.leadId());
        assertThat(list(admin(), "/admin/leads?name=helen&utm_campaign=c-" + unique))
                .isEmpty();
        assertThat(list(admin(), "/admin/leads?name=" + plain.substring(0, plain.length() - 1)))
                .isEmpty();
        assertThat(list(admin(), "/admin/leads?email=helene.dub@example.fr"))
                .extracting(m -> m.get("lead_id"))
                .containsExactly(helene.leadId());
        assertThat(list(admin(), "/admin/leads?email=durand@&utm_campaign=c-" + unique))
                .isEmpty();
        assertThat(list(admin(), "/admin/leads?email=marc.durand&utm_campaign=c-" + unique))
                .extracting(m -> m.get("lead_id"))
                .containsExactly(other.leadId());
    }

    @Test
    void findsANameWithinTheOperatorsEntityAndWithAFormByTheKeysOfEach() {
        String unique = "Zoé" + UUID.randomUUID().toString().substring(0, 6);
        String mdlForm = (String)
                post(admin(), "/admin/forms", Catalogs.form("MDL", "PAC")).get("code");
        String otherForm = (String)
                post(admin(), "/admin/forms", Catalogs.form("ZR7", "PAC")).get("code");
        LeadData first = receive("Lefèvre-" + unique, "Anne", "a1@example.fr", "c-" + unique);
        LeadData ofMdl = receive(Entity.MDL, mdlForm, "Lefèvre-" + unique, "Anne", "a2@example.fr", "c-" + unique);
        LeadData second = receive("Lefèvre-" + unique, "Paul", "a3@example.fr", "c-" + unique);
        LeadData ofOtherForm =
                receive(Entity.ZR7, otherForm, "Lefèvre-" + unique, "Anne", "a4@example.fr", "c-" + unique);
        String word = unique.replace("é", "e").toLowerCase();

        // an operator scoped to ZR7: only ZR7's leads, newest first, counted from ZR7's key
        WebTestClient zr7 = as("zr7-admin", "test-zr7-admin");
        zr7.get()
                .uri("/admin/leads?size=2&name=" + word)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Total-Count", "3")
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .value(page -> assertThat(page)
                        .extracting(m -> m.get("lead_id"))
                        .containsExactly(ofOtherForm.leadId(), second.leadId()));
        assertThat(list(zr7, "/admin/leads?page=1&size=2&name=" + word))
                .extracting(m -> m.get("lead_id"))
                .containsExactly(first.leadId());
        assertThat(list(admin(), "/admin/leads?entity=MDL&name=anne " + word))
                .extracting(m -> m.get("lead_id"))
                .containsExactly(ofMdl.leadId());
        // a name and a form: the leads both keys hold, of the operator's entity
        assertThat(list(zr7, "/admin/leads?name=anne " + word + "&form=" + formCode))
                .extracting(m -> m.get("lead_id"))
                .containsExactly(first.leadId());
        assertThat(list(zr7, "/admin/leads?name=" + word + "&form=" + mdlForm)).isEmpty();
        assertThat(list(admin(), "/admin/leads?name=" + word + "&lp=LP-NONE")).isEmpty();
    }

    @Test
    void storesTheQualityTierOfTheCampaignOnEachNewLeadAndFiltersByIt() {
        String campaign = "premium-" + UUID.randomUUID();
        Map<String, Object> mapping = post(
                admin(),
                "/admin/quality-mappings",
                Map.of("utm_campaign", campaign, "quality_tier", "A", "label", "Campagne premium"));
        assertThat(mapping).containsEntry("quality_tier", "A").containsEntry("updated_by", ADMIN);
        admin().post()
                .uri("/admin/quality-mappings")
                .bodyValue(Map.of("utm_campaign", campaign, "quality_tier", "B"))
                .exchange()
                .expectStatus()
                .isEqualTo(409);

        LeadData tiered = receive("Martin", "Paul", "p@example.fr", campaign);
        LeadData untiered = receive("Martin", "Paul", "p@example.fr", "other-" + campaign);
        assertThat(get(admin(), "/admin/leads/" + tiered.leadId())).containsEntry("quality_tier", "A");
        assertThat(get(admin(), "/admin/leads/" + untiered.leadId())).doesNotContainKey("quality_tier");
        assertThat(list(admin(), "/admin/leads?quality_tier=A&utm_campaign=" + campaign))
                .extracting(m -> m.get("lead_id"), m -> m.get("quality_tier"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(tiered.leadId(), "A"));

        // a later change applies to new leads only
        admin().put()
                .uri("/admin/quality-mappings/" + campaign)
                .bodyValue(Map.of("quality_tier", "B"))
                .exchange()
                .expectStatus()
                .isOk();
        LeadData later = receive("Martin", "Paul", "p@example.fr", campaign);
        assertThat(get(admin(), "/admin/leads/" + later.leadId())).containsEntry("quality_tier", "B");
        assertThat(get(admin(), "/admin/leads/" + tiered.leadId())).containsEntry("quality_tier", "A");
        assertThat(list(admin(), "/admin/quality-mappings"))
                .extracting(m -> m.get("utm_campaign"))
                .contains(campaign);

        admin().delete()
                .uri("/admin/quality-mappings/" + campaign)
                .exchange()
                .expectStatus()
                .isNoContent();
        admin().get()
                .uri("/admin/quality-mappings/" + campaign)
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void refusesInvalidQualityMappingsListingEveryFieldAndViewersAndScopedAdmins() {
        Map<String, Object> problem = admin().post()
                .uri("/admin/quality-mappings")
                .bodyValue(Map.of("quality_tier", "not a tier!", "colour", "red"))
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
                .containsExactlyInAnyOrder("colour", "utm_campaign", "quality_tier");
        as("viewer", "test-viewer")
                .post()
                .uri("/admin/quality-mappings")
                .bodyValue(Map.of("utm_campaign", "x", "quality_tier", "A"))
                .exchange()
                .expectStatus()
                .isForbidden();
        as("zr7-admin", "test-zr7-admin")
                .post()
                .uri("/admin/quality-mappings")
                .bodyValue(Map.of("utm_campaign", "x", "quality_tier", "A"))
                .exchange()
                .expectStatus()
                .isForbidden();
        as("viewer", "test-viewer")
                .get()
                .uri("/admin/quality-mappings")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void answersUnknownParametersAndStatusesWithOneProblemListingEach() {
        Map<String, Object> problem = admin().get()
                .uri("/admin/leads?status=sold&colour=red&size=501&entity=XYZ&from=yesterday")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        assertThat(problem).containsEntry("status", 400).containsEntry("title", "Bad Request");
        assertThat((List<Map<String, Object>>) problem.get("invalid_params"))
                .extracting(p -> p.get("name"))
                .containsExactlyInAnyOrder("colour", "status", "size", "entity", "from");
        admin().get()
                .uri("/admin/leads?status=no_order&size=500")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Page-Size", "500");
    }
}
