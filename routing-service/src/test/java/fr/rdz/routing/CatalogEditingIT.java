package fr.rdz.routing;

import static fr.rdz.routing.AdminApi.get;
import static fr.rdz.routing.AdminApi.list;
import static fr.rdz.routing.AdminApi.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.rdz.events.Entity;
import fr.rdz.events.FormSnapshot;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadRouted;
import fr.rdz.events.LeadStatus;
import fr.rdz.events.LpSnapshot;
import fr.rdz.events.Product;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/** The console's form and LP pages: edit (PUT), form cards with figures, reset of a card after a snapshot. */
@SuppressWarnings("unchecked")
class CatalogEditingIT extends RoutingIntegrationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};

    private Map<String, Object> put(String path, Object body) {
        return admin().put()
                .uri(path)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
    }

    private List<Map<String, Object>> problems(String path, Object body) {
        Map<String, Object> problem = admin().put()
                .uri(path)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        return (List<Map<String, Object>>) problem.get("invalid_params");
    }

    @Test
    void editsLpsAndFormsAndPublishesTheirNewSnapshots() {
        clock.set(START);
        String lp = (String) post(admin(), "/admin/lps", Catalogs.lp("ZR7")).get("code");
        String form = (String)
                post(admin(), "/admin/forms", Catalogs.form("ZR7", "PV")).get("code");

        Map<String, Object> lpEdited = put(
                "/admin/lps/" + lp,
                Map.of(
                        "code",
                        lp,
                        "entity",
                        "ZR7",
                        "name",
                        "Solaire Lyon",
                        "url",
                        "https://lyon.example.fr/",
                        "form_code",
                        form));
        assertThat(lpEdited)
                .containsEntry("name", "Solaire Lyon")
                .containsEntry("form_code", form)
                .containsEntry("liaison_code", lp + "_" + form);
        tap().await(LpSnapshot.class, s -> s.code().equals(lp) && "Solaire Lyon".equals(s.name()));

        Map<String, Object> formEdited = put(
                "/admin/forms/" + form,
                Map.of("name", "Solaire Lyon PV", "lp_code", lp, "redirect_url", "https://lyon.example.fr/merci"));
        assertThat(formEdited)
                .containsEntry("name", "Solaire Lyon PV")
                .containsEntry("lp_code", lp)
                .containsEntry("product", "PV");
        tap().await(FormSnapshot.class, s -> s.code().equals(form) && lp.equals(s.lpCode()));
        assertThat(get(admin(), "/admin/forms/" + form)).containsEntry("name", "Solaire Lyon PV");

        // every invalid field at once: unknown, wrong type, unchangeable, missing, unknown link
        Map<String, Object> bad = new HashMap<>();
        bad.put("colour", "red");
        bad.put("product", "XYZ");
        bad.put("entity", "MDL");
        bad.put("lp_code", "LP-999999");
        bad.put("name", " ");
        assertThat(problems("/admin/forms/" + form, bad))
                .extracting(p -> p.get("name"))
                .containsExactlyInAnyOrder("colour", "product", "entity", "lp_code", "name");
        assertThat(problems("/admin/lps/" + lp, Map.of("code", "LP-777", "form_code", "PV-999999", "title", "x")))
                .extracting(p -> p.get("name"))
                .containsExactlyInAnyOrder("code", "form_code", "title", "name");
        // nothing was changed by the refused edits
        assertThat(get(admin(), "/admin/forms/" + form)).containsEntry("name", "Solaire Lyon PV");

        admin().put()
                .uri("/admin/forms/PV-999999")
                .bodyValue(Map.of("name", "x"))
                .exchange()
                .expectStatus()
                .isNotFound();
        as("viewer", "test-viewer")
                .put()
                .uri("/admin/forms/" + form)
                .bodyValue(Map.of("name", "x"))
                .exchange()
                .expectStatus()
                .isForbidden();
        as("mdl-admin", "test-mdl-admin")
                .put()
                .uri("/admin/lps/" + lp)
                .bodyValue(Map.of("name", "x"))
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void showsEachFormsCardFiguresAndResetsThemAfterASnapshot() {
        clock.set(START);
        tap();
        String form = (String)
                post(admin(), "/admin/forms", Catalogs.form("MDL", "PAC")).get("code");
        for (LeadStatus status : List.of(LeadStatus.PENDING, LeadStatus.PENDING, LeadStatus.INVALID_PHONE)) {
            LeadData lead = Leads.aLead(Leads.aPhone(), Entity.MDL, Product.PAC, form, "976", clock.instant());
            publish(Leads.received(lead, status, clock.instant()));
            tap().await(LeadRouted.class, r -> r.lead().leadId().equals(lead.leadId()));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Object> card =
                    (Map<String, Object>) list(admin(), "/admin/forms?entity=MDL&product=PAC").stream()
                            .filter(f -> form.equals(f.get("code")))
                            .findFirst()
                            .orElseThrow()
                            .get("stats");
            assertThat(card)
                    .containsEntry("received", 3)
                    .containsEntry("valid", 2)
                    .containsEntry("invalid", 1)
                    .containsEntry("no_order", 2)
                    .containsEntry("delivered", 0);
        });

        as("viewer", "test-viewer")
                .post()
                .uri("/admin/forms/" + form + "/stats/reset")
                .exchange()
                .expectStatus()
                .isForbidden();
        as("zr7-admin", "test-zr7-admin")
                .post()
                .uri("/admin/forms/" + form + "/stats/reset")
                .exchange()
                .expectStatus()
                .isNotFound();

        clock.advance(Duration.ofHours(2));
        Map<String, Object> snapshot = post(admin(), "/admin/forms/" + form + "/stats/reset", Map.of());
        assertThat(snapshot)
                .containsEntry("taken_by", ADMIN)
                .containsEntry("taken_at", clock.instant().toString());
        assertThat((Map<String, Object>) snapshot.get("counts"))
                .containsEntry("received", 3)
                .containsEntry("invalid", 1);

        Map<String, Object> after =
                (Map<String, Object>) get(admin(), "/admin/forms/" + form).get("stats");
        assertThat(after)
                .containsEntry("received", 0)
                .containsEntry("since", clock.instant().toString());

        LeadData later = Leads.aLead(Leads.aPhone(), Entity.MDL, Product.PAC, form, "976", clock.instant());
        publish(Leads.received(later, LeadStatus.PENDING, clock.instant()));
        tap().await(LeadRouted.class, r -> r.lead().leadId().equals(later.leadId()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat((Map<String, Object>)
                        get(admin(), "/admin/forms/" + form).get("stats"))
                .containsEntry("received", 1)
                .containsEntry("valid", 1));

        clock.advance(Duration.ofHours(1));
        post(admin(), "/admin/forms/" + form + "/stats/reset", Map.of());
        List<Map<String, Object>> snapshots = as("viewer", "test-viewer")
                .get()
                .uri("/admin/forms/" + form + "/stats/snapshots")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .returnResult()
                .getResponseBody();
        assertThat(snapshots).hasSize(2);
        assertThat((Map<String, Object>) snapshots.get(0).get("counts")).containsEntry("received", 1);
        assertThat((Map<String, Object>) snapshots.get(1).get("counts")).containsEntry("received", 3);
        // the dashboard keeps every figure
        Map<String, Object> stats = get(admin(), "/admin/stats?entity=MDL&form=" + form);
        assertThat((Map<String, Object>) stats.get("totals")).containsEntry("received", 4);
    }
}
