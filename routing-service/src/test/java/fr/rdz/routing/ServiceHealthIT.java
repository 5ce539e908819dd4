package fr.rdz.routing;

import fr.rdz.stack.ServiceHealthChecks;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The checks every service passes (health with Kafka and Mongo, OpenAPI, deny by default), and routing's admin schemas. */
class ServiceHealthIT extends RoutingIntegrationTest implements ServiceHealthChecks {

    @Override
    public WebTestClient web() {
        return web;
    }

    /** A commande's example names a client that must exist; codes are generated when absent (examples may be taken). */
    @Override
    public Map<String, Object> realValues(WebTestClient admin) {
        Map<String, Object> values = new HashMap<>();
        Object clientId =
                AdminApi.post(admin, "/admin/clients", Catalogs.client("ZR7")).get("id");
        values.put("client_id", clientId);
        values.put("partner_client_ids", java.util.List.of(clientId));
        // a documented version is created once: the examples are posted by two tests
        values.put("version", null);
        values.put("partner_groups", null);
        values.put("utm_campaign", "campaign-" + java.util.UUID.randomUUID());
        values.put("code", null);
        values.put("lp_code", null);
        values.put("form_code", null);
        return values;
    }

    @Test
    void documentsTheAdminBodiesAsTheirJsonIsWritten() {
        web.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.components.schemas.ClientTerms.properties.api_key")
                .exists()
                .jsonPath("$.components.schemas.ClientTerms.properties.delivery_channel.enum[0]")
                .isEqualTo("email")
                .jsonPath("$.components.schemas.CommandeTerms.properties.weekly_quota.example")
                .isEqualTo(50)
                .jsonPath("$.paths['/admin/commandes'].post")
                .exists();
    }
}
