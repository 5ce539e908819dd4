package fr.rdz.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.codec.CodecsAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.autoconfigure.web.reactive.WebFluxAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableReactiveWebApplicationContext;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The kit's two chains: the public routes go through a light chain that does no authentication
 * work, and every other route still meets the admin chain's deny-by-default with that chain present.
 * A service declaring its own chain (the console) still replaces the kit's security entirely.
 */
class PublicSecurityChainTest {

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    JacksonAutoConfiguration.class,
                    CodecsAutoConfiguration.class,
                    WebFluxAutoConfiguration.class,
                    RdzServiceAutoConfiguration.class))
            .withUserConfiguration(Routes.class)
            .withPropertyValues("rdz.security.admin-password=secret", "rdz.security.public-paths=/public/**");

    @Test
    void bothKitChainsAreThereThePublicOneFirst() {
        runner.run(context -> {
            List<SecurityWebFilterChain> chains = context.getBeanProvider(SecurityWebFilterChain.class)
                    .orderedStream()
                    .toList();
            assertThat(chains)
                    .extracting(chain -> ((KitSecurityFilterChain) chain).name())
                    .containsExactly("public", "admin");
        });
    }

    @Test
    void aRouteThatIsNotPublicIsStillDeniedByDefault() {
        runner.run(context -> {
            WebTestClient client = client(context);
            client.get().uri("/elsewhere").exchange().expectStatus().isUnauthorized();
            client.get()
                    .uri("/elsewhere")
                    .headers(h -> h.setBasicAuth("admin", "secret"))
                    .exchange()
                    .expectStatus()
                    .isForbidden();
            client.post().uri("/elsewhere").exchange().expectStatus().isUnauthorized();
            client.get().uri("/admin/ping").exchange().expectStatus().isUnauthorized();
            client.get()
                    .uri("/admin/ping")
                    .headers(h -> h.setBasicAuth("admin", "wrong"))
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
            client.get()
                    .uri("/admin/ping")
                    .headers(h -> h.setBasicAuth("admin", "secret"))
                    .exchange()
                    .expectStatus()
                    .isOk();
            // a path that only starts like a public one is not public
            client.get().uri("/publicity").exchange().expectStatus().isUnauthorized();
        });
    }

    @Test
    void aPublicRouteIsAnsweredWithoutAnyAuthenticationWorkAndKeepsTheSecurityHeaders() {
        runner.run(context -> {
            WebTestClient client = client(context);
            client.post()
                    .uri("/public/ping")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader()
                    .valueEquals("X-Frame-Options", "DENY")
                    .expectHeader()
                    .doesNotExist(HttpHeaders.SET_COOKIE)
                    .expectBody(String.class)
                    .isEqualTo("pong");
            // the admin chain would answer 401 to wrong credentials: the public chain never reads them
            client.post()
                    .uri("/public/ping")
                    .headers(h -> h.setBasicAuth("admin", "wrong"))
                    .exchange()
                    .expectStatus()
                    .isOk();
        });
    }

    @Test
    void aServiceWithItsOwnChainReplacesBothKitChains() {
        runner.withUserConfiguration(OwnChain.class).run(context -> {
            assertThat(context.getBeansOfType(KitSecurityFilterChain.class)).isEmpty();
            assertThat(context.getBeansOfType(SecurityWebFilterChain.class)).containsOnlyKeys("ownChain");
        });
    }

    private static WebTestClient client(AssertableReactiveWebApplicationContext context) {
        assertThat(context).hasNotFailed();
        return WebTestClient.bindToApplicationContext(context).build();
    }

    @Configuration(proxyBeanMethods = false)
    static class Routes {
        @Bean
        ReactiveMongoTemplate mongo() {
            return Mockito.mock(ReactiveMongoTemplate.class);
        }

        @Bean
        KafkaProperties kafkaProperties() {
            return new KafkaProperties();
        }

        @Bean
        RouterFunction<ServerResponse> routes() {
            return route().POST("/public/ping", request -> ServerResponse.ok().bodyValue("pong"))
                    .GET("/admin/ping", request -> ServerResponse.ok().bodyValue("pong"))
                    .GET("/elsewhere", request -> ServerResponse.ok().bodyValue("should not be reached"))
                    .POST("/elsewhere", request -> ServerResponse.ok().bodyValue("should not be reached"))
                    .GET("/publicity", request -> ServerResponse.ok().bodyValue("should not be reached"))
                    .build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnChain {
        @Bean
        SecurityWebFilterChain ownChain(ServerHttpSecurity http) {
            return http.authorizeExchange(auth -> auth.anyExchange().denyAll()).build();
        }
    }
}
