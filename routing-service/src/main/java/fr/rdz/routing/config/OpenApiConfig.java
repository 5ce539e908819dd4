package fr.rdz.routing.config;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** OpenAPI document at {@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}; admin routes use HTTP Basic. */
@Configuration
@OpenAPIDefinition(
        info =
                @Info(
                        title = "RDZ routing-service",
                        version = "v1",
                        description =
                                "Catalog (LPs, forms, clients, commandes), lead routing with the 30-day duplicate "
                                        + "rule, and the admin API. To set up a buyer: POST /admin/clients (note the id), then "
                                        + "POST /admin/commandes with that client_id. Authorize with HTTP Basic first."))
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
class OpenApiConfig {
    // schemas are named as the JSON is written (snake_case) by service-kit's ModelResolver, in every service
}
