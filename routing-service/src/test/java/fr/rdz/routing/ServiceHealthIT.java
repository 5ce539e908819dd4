package fr.rdz.routing;

import org.junit.jupiter.api.Test;

class ServiceHealthIT extends RoutingIntegrationTest {

    @Test
    void reportsKafkaAndMongoUp() {
        web.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP")
                .jsonPath("$.components.kafka.status")
                .isEqualTo("UP")
                .jsonPath("$.components.mongo.status")
                .isEqualTo("UP");
    }

    @Test
    void servesItsOpenApiDocument() {
        web.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.openapi")
                .exists();
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

    @Test
    void adminRoutesDenyWithoutCredentials() {
        web.get()
                .uri("/admin/anything")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("authentication required");
    }

    @Test
    void adminRoutesDenyAWrongPassword() {
        web.get()
                .uri("/admin/anything")
                .headers(h -> h.setBasicAuth(ADMIN, "wrong"))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void unknownRoutesAreDeniedByDefault() {
        web.get().uri("/internal/anything").exchange().expectStatus().isUnauthorized();
    }
}
