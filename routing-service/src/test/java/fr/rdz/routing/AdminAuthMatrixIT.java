package fr.rdz.routing;

import static fr.rdz.routing.AdminApi.get;
import static fr.rdz.routing.AdminApi.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.rdz.events.Entity;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadStatus;
import fr.rdz.events.Product;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every admin route × (no credentials, wrong password, viewer, other-entity admin, admin): 401, 401,
 * 403 for writes, 403/404 for the other entity's data (lists filtered), 2xx for the admin. The
 * CRM API key appears in no answer and no log line.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminAuthMatrixIT extends RoutingIntegrationTest {

    /** One route: what the other-entity admin gets and what the admin gets. */
    record Route(HttpMethod method, String path, Supplier<Object> body, int otherEntity, int admin) {}

    private final List<String> answers = new ArrayList<>();

    @Test
    void everyAdminRouteAnswersByRoleAndScopeAndNeverShowsTheApiKey(CapturedOutput output) {
        clock.set(START);
        tap();
        String lp = (String) post(admin(), "/admin/lps", Catalogs.lp("ZR7")).get("code");
        String form = (String)
                post(admin(), "/admin/forms", Catalogs.form("ZR7", "PV")).get("code");
        String client =
                (String) post(admin(), "/admin/clients", Catalogs.client("ZR7")).get("id");
        String commande =
                (String) post(admin(), "/admin/commandes", Catalogs.commande("ZR7", client, "PV", List.of("75")))
                        .get("id");
        String phone = Leads.aPhone();
        LeadData lead = Leads.aLead(phone, Entity.ZR7, Product.PV, form, "75", clock.instant());
        publish(Leads.received(lead, LeadStatus.PENDING, clock.instant()));
        publish(Leads.delivered(lead, client, commande, clock.instant()));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> "delivered"
                .equals(get(admin(), "/admin/leads/" + lead.leadId()).get("status")));

        String campaign = "matrix-" + java.util.UUID.randomUUID();
        String consentText =
                (String) post(admin(), "/admin/consent-texts", Catalogs.consentText("ZR7", List.of(client)))
                        .get("version");
        Map<String, Object> clientUpdate = new HashMap<>(Catalogs.client("ZR7"));
        clientUpdate.put("name", "Updated");
        List<Route> routes = List.of(
                new Route(HttpMethod.GET, "/admin/lps", null, 200, 200),
                new Route(HttpMethod.GET, "/admin/lps/" + lp, null, 404, 200),
                new Route(HttpMethod.POST, "/admin/lps", () -> Catalogs.lp("ZR7"), 403, 201),
                new Route(HttpMethod.POST, "/admin/lps/" + lp + "/archive", null, 404, 200),
                new Route(HttpMethod.GET, "/admin/forms", null, 200, 200),
                new Route(HttpMethod.GET, "/admin/forms/" + form, null, 404, 200),
                new Route(HttpMethod.POST, "/admin/forms", () -> Catalogs.form("ZR7", "PAC"), 403, 201),
                new Route(HttpMethod.POST, "/admin/forms/" + form + "/duplicate", null, 404, 201),
                new Route(HttpMethod.GET, "/admin/forms/" + form + "/brief?mode=B", null, 404, 200),
                new Route(HttpMethod.POST, "/admin/forms/" + form + "/archive", null, 404, 200),
                new Route(HttpMethod.GET, "/admin/consent-texts", null, 200, 200),
                new Route(HttpMethod.GET, "/admin/consent-texts/" + consentText, null, 404, 200),
                new Route(
                        HttpMethod.POST,
                        "/admin/consent-texts",
                        () -> Catalogs.consentText("ZR7", List.of(client)),
                        403,
                        201),
                new Route(HttpMethod.GET, "/admin/clients", null, 200, 200),
                new Route(HttpMethod.GET, "/admin/clients/" + client, null, 404, 200),
                new Route(HttpMethod.POST, "/admin/clients", () -> Catalogs.client("ZR7"), 403, 201),
                new Route(HttpMethod.PUT, "/admin/clients/" + client, () -> clientUpdate, 404, 200),
                new Route(HttpMethod.GET, "/admin/commandes", null, 200, 200),
                new Route(HttpMethod.GET, "/admin/commandes/" + commande, null, 404, 200),
                new Route(
                        HttpMethod.POST,
                        "/admin/commandes",
                        () -> Catalogs.commande("ZR7", client, "PV", List.of("*")),
                        403,
                        201),
                new Route(
                        HttpMethod.PUT,
                        "/admin/commandes/" + commande,
                        () -> Catalogs.commande("ZR7", client, "PV", List.of("75", "92")),
                        404,
                        200),
                new Route(HttpMethod.GET, "/admin/leads", null, 200, 200),
                new Route(HttpMethod.GET, "/admin/leads/" + lead.leadId(), null, 404, 200),
                new Route(
                        HttpMethod.POST,
                        "/admin/leads/" + lead.leadId() + "/reject",
                        () -> Map.of("reason", "Faux numéro"),
                        404,
                        200),
                new Route(HttpMethod.GET, "/admin/stats", null, 200, 200),
                new Route(HttpMethod.GET, "/admin/stats?group_by=client", null, 200, 200),
                new Route(HttpMethod.PUT, "/admin/lps/" + lp, () -> Map.of("name", "Renamed LP"), 404, 200),
                new Route(HttpMethod.PUT, "/admin/forms/" + form, () -> Map.of("name", "Renamed form"), 404, 200),
                new Route(HttpMethod.POST, "/admin/forms/" + form + "/stats/reset", null, 404, 201),
                new Route(HttpMethod.GET, "/admin/forms/" + form + "/stats/snapshots", null, 404, 200),
                new Route(
                        HttpMethod.POST,
                        "/admin/quality-mappings",
                        () -> Map.of("utm_campaign", campaign, "quality_tier", "A"),
                        403,
                        201),
                new Route(HttpMethod.GET, "/admin/quality-mappings", null, 200, 200),
                new Route(HttpMethod.GET, "/admin/quality-mappings/" + campaign, null, 200, 200),
                new Route(
                        HttpMethod.PUT,
                        "/admin/quality-mappings/" + campaign,
                        () -> Map.of("quality_tier", "B"),
                        403,
                        200),
                new Route(HttpMethod.DELETE, "/admin/quality-mappings/" + campaign, null, 403, 204),
                new Route(HttpMethod.DELETE, "/admin/commandes/" + commande, null, 404, 204),
                new Route(HttpMethod.DELETE, "/admin/clients/" + client, null, 404, 204),
                new Route(HttpMethod.DELETE, "/admin/persons/" + phone, null, 403, 200));

        for (Route route : routes) {
            boolean read = route.method() == HttpMethod.GET;
            call(web, route, 401);
            call(as(ADMIN, "wrong-password"), route, 401);
            call(as("viewer", "test-viewer"), route, read ? 200 : 403);
            call(as("mdl-viewer", "test-mdl-viewer"), route, read ? route.otherEntity() : 403);
            call(as("mdl-admin", "test-mdl-admin"), route, route.otherEntity());
            call(admin(), route, route.admin());
        }

        assertThat(answers).isNotEmpty().noneMatch(a -> a.contains(Catalogs.API_KEY));
        assertThat(output.getAll()).doesNotContain(Catalogs.API_KEY).doesNotContain(phone);
    }

    private void call(WebTestClient client, Route route, int expected) {
        WebTestClient.RequestBodySpec spec = client.method(route.method()).uri(route.path());
        WebTestClient.RequestHeadersSpec<?> request =
                route.body() == null ? spec : spec.bodyValue(route.body().get());
        EntityExchangeResult<byte[]> result = request.exchange().expectBody().returnResult();
        String body = result.getResponseBodyContent() == null ? "" : new String(result.getResponseBodyContent());
        answers.add(body);
        assertThat(result.getStatus().value())
                .as("%s %s → %s", route.method(), route.path(), body)
                .isEqualTo(expected);
    }
}
