package fr.rdz.crmpush.config;

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
                        title = "RDZ crm-push-service",
                        version = "v1",
                        description =
                                "Pushes every lead of a batch into the client CRM, with retry topics, dead letters and safe replay."))
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
class OpenApiConfig {}
