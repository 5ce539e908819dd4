package fr.rdz.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The console's sign-in follows the services' rule for wrong passwords (service-kit
 * {@code AdminAuthentication}): past the failures allowed for a user name, or from an address,
 * that name or address cannot sign in — even with the right password — and the login page says
 * so in French. Its own context (small limits), so other tests' sign-ins are never throttled.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "rdz.security.login-throttle.max-failures-per-user=3",
            "rdz.security.login-throttle.max-failures-per-address=7",
            "rdz.console.services.routing=http://127.0.0.1:9",
            "rdz.console.services.delivery=http://127.0.0.1:9"
        })
@ActiveProfiles("test")
class ConsoleLoginThrottleTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    WebTestClient web;

    @Autowired
    void client(WebTestClient client) {
        this.web = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void wrongPasswordsThrottleTheUserNameThenTheAddress() {
        for (int i = 0; i < 3; i++) {
            assertThat(signIn("admin", "wrong-" + i)).isEqualTo("/login?error");
        }
        // the user name is throttled: even its right password is refused, with the French reason
        assertThat(signIn("admin", "test-admin")).isEqualTo("/login?throttled");
        EntityExchangeResult<String> page = web.get()
                .uri("/login?throttled")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader()
                .valueEquals("Retry-After", "300")
                .expectBody(String.class)
                .returnResult();
        assertThat(page.getResponseBody())
                .contains("Trop de tentatives de connexion échouées", "Réessayez dans 5 minute(s)")
                .doesNotContain("Identifiant ou mot de passe incorrect");

        // another user name from the same address still signs in (3 failures of the 7 allowed here)
        assertThat(signIn("viewer", "test-viewer")).isEqualTo("/");

        // four more wrong passwords under other names: the address reaches its 7 failures
        for (int i = 0; i < 4; i++) {
            assertThat(signIn("nobody-" + i, "wrong")).isEqualTo("/login?error");
        }
        assertThat(signIn("zr7", "test-zr7")).isEqualTo("/login?throttled");
        assertThat(signIn("viewer", "test-viewer")).isEqualTo("/login?throttled");
    }

    /** Signs in from a fresh login page; the redirection's target. */
    private String signIn(String user, String password) {
        EntityExchangeResult<String> login =
                web.get().uri("/login").exchange().expectBody(String.class).returnResult();
        ResponseCookie cookie = login.getResponseCookies().getFirst("RDZ_CONSOLE");
        Matcher csrf = CSRF.matcher(login.getResponseBody());
        assertThat(csrf.find()).isTrue();
        return web.post()
                .uri("/login")
                .cookie("RDZ_CONSOLE", cookie.getValue())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("username", user)
                        .with("password", password)
                        .with("_csrf", csrf.group(1)))
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .returnResult(Void.class)
                .getResponseHeaders()
                .getLocation()
                .toString();
    }
}
