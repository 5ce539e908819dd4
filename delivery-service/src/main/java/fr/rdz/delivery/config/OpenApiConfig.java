package fr.rdz.delivery.config;

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
                        title = "RDZ delivery-service",
                        version = "v1",
                        description =
                                "The 09:30 Europe/Paris daily run: Fresh/LB planning per commande, exactly once per entity and date."))
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
class OpenApiConfig {}
