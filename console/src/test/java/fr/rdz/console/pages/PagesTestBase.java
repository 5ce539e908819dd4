package fr.rdz.console.pages;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockUser;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The console as it runs (security chain, CSRF, Thymeleaf, the ServiceClients with the operator's
 * token) against stand-in services on real local HTTP ports. Operators are signed in with the
 * authorities the console's own login gives them (ROLE_ADMIN / ROLE_VIEWER, ENTITY_ZR7 for a scoped one).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {
            "rdz.security.admin-password=test-admin",
            "rdz.security.console-token.secret=console-pages-test-secret-0123456789abcdef",
            "rdz.console.services.timeout=PT5S"
        })
abstract class PagesTestBase {

    static final StandInService ROUTING = start();
    static final StandInService DELIVERY = start();
    static final StandInService NOTIFIER = start();
    static final StandInService CRM_PUSH = start();
    static final StandInService INTAKE = start();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("rdz.console.services.routing", ROUTING::baseUrl);
        registry.add("rdz.console.services.delivery", DELIVERY::baseUrl);
        registry.add("rdz.console.services.notifier", NOTIFIER::baseUrl);
        registry.add("rdz.console.services.crm-push", CRM_PUSH::baseUrl);
        registry.add("rdz.console.services.intake", INTAKE::baseUrl);
    }

    @Autowired
    ApplicationContext context;

    WebTestClient web;

    @BeforeEach
    void resetStandIns() {
        web = WebTestClient.bindToApplicationContext(context)
                .apply(springSecurity())
                .configureClient()
                .responseTimeout(java.time.Duration.ofSeconds(30))
                .build();
        ROUTING.reset();
        DELIVERY.reset();
        NOTIFIER.reset();
        CRM_PUSH.reset();
        INTAKE.reset();
    }

    WebTestClient admin() {
        return web.mutateWith(mockUser("admin").roles("ADMIN")).mutateWith(csrf());
    }

    WebTestClient viewer() {
        return web.mutateWith(mockUser("viewer").roles("VIEWER")).mutateWith(csrf());
    }

    /** An admin scoped to ZR7 (authority ENTITY_ZR7, as the console's login gives it). */
    WebTestClient zr7() {
        return web.mutateWith(mockUser("zr7")
                        .authorities(
                                new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_ADMIN"),
                                new org.springframework.security.core.authority.SimpleGrantedAuthority("ENTITY_ZR7")))
                .mutateWith(csrf());
    }

    String html(WebTestClient client, String uri) {
        return client.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    private static StandInService start() {
        try {
            return new StandInService();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
