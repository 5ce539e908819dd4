package fr.rdz.intake.config;

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
                        title = "RDZ intake-service",
                        version = "v1",
                        description =
                                "Public tracking and lead intake: stores every lead before answering, publishes LeadReceived through an outbox."))
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
class OpenApiConfig {}
