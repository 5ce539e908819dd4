package fr.rdz.stack;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every RDZ service must show about itself, written once: health UP only with both Kafka and
 * MongoDB, an OpenAPI document, admin routes denied without or with wrong credentials, unknown
 * routes denied by default. A service's {@code ServiceHealthIT} implements it on its real context.
 */
public interface ServiceHealthChecks {

    /** A client on the running service, without credentials. */
    WebTestClient web();

    @Test
    default void reportsKafkaAndMongoUp() {
        web().get()
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
    default void servesItsOpenApiDocument() {
        web().get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.openapi")
                .exists();
    }

    @Test
    default void adminRoutesDenyWithoutCredentials() {
        web().get()
                .uri("/admin/anything")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("authentication required");
    }

    @Test
    default void adminRoutesDenyAWrongPassword() {
        web().get()
                .uri("/admin/anything")
                .headers(h -> h.setBasicAuth("admin", "wrong"))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    default void unknownRoutesAreDeniedByDefault() {
        web().get().uri("/internal/anything").exchange().expectStatus().isUnauthorized();
    }
}
