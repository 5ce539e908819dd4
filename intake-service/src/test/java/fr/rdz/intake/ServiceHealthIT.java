package fr.rdz.intake;

import org.junit.jupiter.api.Test;

class ServiceHealthIT extends IntakeIntegrationTest {

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
