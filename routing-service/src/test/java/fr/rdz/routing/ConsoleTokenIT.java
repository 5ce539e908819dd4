package fr.rdz.routing;

import static fr.rdz.routing.AdminApi.list;
import static fr.rdz.routing.AdminApi.post;
import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.events.Entity;
import fr.rdz.kit.ConsoleTokenProperties;
import fr.rdz.kit.ConsoleTokens;
import fr.rdz.kit.Operator;
import fr.rdz.kit.RdzSecurityProperties.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The console's operator tokens on a real service: a token signed with the shared secret is
 * accepted as that operator (role and entity scope enforced by routing itself, as for HTTP Basic);
 * an expired, forged or altered token is refused 401; HTTP Basic keeps working.
 */
class ConsoleTokenIT extends RoutingIntegrationTest {

    static final String SECRET = "test-console-token-secret-0123456789abcdef";

    private ConsoleTokens tokens(String secret, Clock issuedBy) {
        ConsoleTokenProperties properties = new ConsoleTokenProperties();
        properties.setSecret(secret);
        properties.setValidity(Duration.ofMinutes(5));
        return new ConsoleTokens(properties, issuedBy);
    }

    private WebTestClient bearer(String token) {
        return web.mutate().defaultHeaders(h -> h.setBearerAuth(token)).build();
    }

    private String token(Operator operator) {
        return tokens(SECRET, Clock.fixed(clock.instant(), ZoneOffset.UTC)).issue(operator);
    }

    @Test
    void aConsoleTokenActsAsItsOperatorWithTheirRoleAndScope() {
        String mdlClient =
                (String) post(admin(), "/admin/clients", Catalogs.client("MDL")).get("id");
        String zr7Client =
                (String) post(admin(), "/admin/clients", Catalogs.client("ZR7")).get("id");

        WebTestClient admin = bearer(token(new Operator("alice", Role.ADMIN, null)));
        assertThat(list(admin, "/admin/clients")).extracting(c -> c.get("id")).contains(mdlClient, zr7Client);
        assertThat(post(admin, "/admin/clients", Catalogs.client("MDL")).get("entity"))
                .isEqualTo("MDL");

        WebTestClient viewer = bearer(token(new Operator("victor", Role.VIEWER, null)));
        assertThat(list(viewer, "/admin/clients")).extracting(c -> c.get("id")).contains(mdlClient);
        viewer.post()
                .uri("/admin/clients")
                .bodyValue(Catalogs.client("ZR7"))
                .exchange()
                .expectStatus()
                .isForbidden();

        WebTestClient zr7 = bearer(token(new Operator("zoe", Role.ADMIN, Entity.ZR7)));
        assertThat(list(zr7, "/admin/clients"))
                .extracting(c -> c.get("id"))
                .contains(zr7Client)
                .doesNotContain(mdlClient);
        assertThat(list(zr7, "/admin/clients")).extracting(c -> c.get("entity")).containsOnly("ZR7");
        zr7.get().uri("/admin/clients/" + mdlClient).exchange().expectStatus().isNotFound();
        zr7.post()
                .uri("/admin/clients")
                .bodyValue(Catalogs.client("MDL"))
                .exchange()
                .expectStatus()
                .isForbidden();
        assertThat(((Map<?, ?>) AdminApi.get(zr7, "/admin/stats")).get("entity"))
                .isEqualTo("ZR7");

        // HTTP Basic still works for scripts
        admin().get()
                .uri("/admin/clients/" + mdlClient)
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void anExpiredForgedOrAlteredTokenIsRefused() {
        Operator alice = new Operator("alice", Role.ADMIN, null);
        String expired = tokens(SECRET, Clock.fixed(clock.instant().minus(Duration.ofMinutes(6)), ZoneOffset.UTC))
                .issue(alice);
        String forged = tokens(
                        "another-secret-that-is-long-enough-0123456789", Clock.fixed(clock.instant(), ZoneOffset.UTC))
                .issue(alice);
        String viewerToken = token(new Operator("victor", Role.VIEWER, Entity.ZR7));
        String[] parts = viewerToken.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]))
                .replace("\"viewer\"", "\"admin\"")
                .replace(",\"entity\":\"ZR7\"", "");
        String altered = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];

        for (String token : new String[] {expired, forged, altered, "not-a-jwt"}) {
            bearer(token).get().uri("/admin/clients").exchange().expectStatus().isUnauthorized();
            bearer(token)
                    .post()
                    .uri("/admin/clients")
                    .bodyValue(Catalogs.client("MDL"))
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }
        // the same operator with a fresh, genuine token is accepted
        bearer(token(alice))
                .get()
                .uri("/admin/clients")
                .exchange()
                .expectStatus()
                .isOk();
    }
}
