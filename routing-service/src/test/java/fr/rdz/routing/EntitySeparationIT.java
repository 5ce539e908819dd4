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
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A user scoped to ZR7 never sees, nor writes, MDL data, on any list, detail or figure; routing never mixes them. */
class EntitySeparationIT extends RoutingIntegrationTest {

    record Filled(String lp, String form, String client, String commande, String lead) {}

    private Filled fill(Entity entity) {
        String e = entity.name();
        String lp = (String) post(admin(), "/admin/lps", Catalogs.lp(e)).get("code");
        String form = (String)
                post(admin(), "/admin/forms", Map.of("entity", e, "product", "ITE", "name", "f", "lp_code", lp))
                        .get("code");
        String client =
                (String) post(admin(), "/admin/clients", Catalogs.client(e)).get("id");
        String commande = (String) post(admin(), "/admin/commandes", Catalogs.commande(e, client, "ITE", List.of("48")))
                .get("id");
        LeadData lead = Leads.aLead(Leads.aPhone(), entity, Product.ITE, form, "48", clock.instant());
        publish(Leads.received(lead, LeadStatus.PENDING, clock.instant()));
        return new Filled(lp, form, client, commande, lead.leadId());
    }

    @Test
    void aZr7UserSeesOnlyZr7OnEveryListAndDetail() {
        clock.set(START);
        tap();
        Filled zr7 = fill(Entity.ZR7);
        Filled mdl = fill(Entity.MDL);
        LeadRouted zr7Routed =
                tap().await(LeadRouted.class, r -> r.lead().leadId().equals(zr7.lead()));
        LeadRouted mdlRouted =
                tap().await(LeadRouted.class, r -> r.lead().leadId().equals(mdl.lead()));
        assertThat(zr7Routed.eligibleCommandeIds()).contains(zr7.commande()).doesNotContain(mdl.commande());
        assertThat(mdlRouted.eligibleCommandeIds()).contains(mdl.commande()).doesNotContain(zr7.commande());
        assertThat(mdlRouted.lead().entity()).isEqualTo(Entity.MDL);

        for (WebTestClient zr7User : List.of(as("zr7-viewer", "test-zr7-viewer"), as("zr7-admin", "test-zr7-admin"))) {
            assertOnlyZr7(list(zr7User, "/admin/lps"), "code", zr7.lp(), mdl.lp());
            assertOnlyZr7(list(zr7User, "/admin/forms"), "code", zr7.form(), mdl.form());
            assertOnlyZr7(list(zr7User, "/admin/clients"), "id", zr7.client(), mdl.client());
            assertOnlyZr7(list(zr7User, "/admin/commandes"), "id", zr7.commande(), mdl.commande());
            assertOnlyZr7(list(zr7User, "/admin/leads?size=500"), "lead_id", zr7.lead(), mdl.lead());
            for (String path :
                    List.of("/admin/lps", "/admin/forms", "/admin/clients", "/admin/commandes", "/admin/leads")) {
                assertThat(list(zr7User, path + "?entity=MDL")).as(path).isEmpty();
            }
            Map<String, Object> stats = get(zr7User, "/admin/stats");
            assertThat(stats.get("entity")).isEqualTo("ZR7");
            assertThat(get(zr7User, "/admin/stats?entity=MDL").get("rows")).isEqualTo(List.of());

            for (String path : List.of(
                    "/admin/lps/" + mdl.lp(),
                    "/admin/forms/" + mdl.form(),
                    "/admin/clients/" + mdl.client(),
                    "/admin/commandes/" + mdl.commande(),
                    "/admin/leads/" + mdl.lead())) {
                zr7User.get().uri(path).exchange().expectStatus().isNotFound();
            }
            get(zr7User, "/admin/leads/" + zr7.lead());
        }

        WebTestClient zr7Admin = as("zr7-admin", "test-zr7-admin");
        zr7Admin.post()
                .uri("/admin/clients")
                .bodyValue(Catalogs.client("MDL"))
                .exchange()
                .expectStatus()
                .isForbidden();
        zr7Admin.post()
                .uri("/admin/forms")
                .bodyValue(Catalogs.form("MDL", "PV"))
                .exchange()
                .expectStatus()
                .isForbidden();
        zr7Admin.post()
                .uri("/admin/commandes")
                .bodyValue(Catalogs.commande("ZR7", mdl.client(), "PV", List.of("75")))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error")
                .value(m -> assertThat((String) m).contains("belongs to entity MDL"));
        zr7Admin.delete()
                .uri("/admin/clients/" + mdl.client())
                .exchange()
                .expectStatus()
                .isNotFound();
        zr7Admin.post()
                .uri("/admin/clients")
                .bodyValue(Catalogs.client("ZR7"))
                .exchange()
                .expectStatus()
                .isCreated();
    }

    private static void assertOnlyZr7(List<Map<String, Object>> items, String idField, String zr7Id, String mdlId) {
        assertThat(items).extracting(m -> (Object) m.get("entity")).containsOnly("ZR7");
        assertThat(items)
                .extracting(m -> (Object) m.get(idField))
                .contains(zr7Id)
                .doesNotContain(mdlId);
    }
}
