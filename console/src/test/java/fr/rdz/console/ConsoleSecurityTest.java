package fr.rdz.console;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.kit.ConsoleTokenProperties;
import fr.rdz.kit.ConsoleTokens;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The console's sign-in and rights over HTTP: French login page, form login with CSRF and a
 * session cookie, logout; viewers cannot write; each service call carries a token of the signed-in
 * operator (name, role, entity) that a service's verification accepts — never the password. A
 * stand-in routing records what the console sends (the real services are driven by e2e's
 * {@code ConsoleBrowserIT}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ConsoleSecurityTest {

    static final String SECRET = "test-console-token-secret-0123456789abcdef";
    static MockWebServer routing;

    /** The console over HTTP, with a timeout generous enough for a loaded machine. */
    WebTestClient web;

    @Autowired
    void client(WebTestClient client) {
        this.web = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @BeforeAll
    static void start() throws IOException {
        routing = new MockWebServer();
        routing.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getPath();
                if (path.startsWith("/admin/stats")) {
                    return json("{\"rows\":[{\"day\":\"2026-11-20\",\"received\":3,\"valid\":2,\"delivered\":1}],"
                            + "\"totals\":{\"received\":3,\"valid\":2,\"delivered\":1}}");
                }
                if (path.startsWith("/admin/clients")) {
                    return json("[{\"id\":\"C1\",\"name\":\"Solaire Pro\",\"entity\":\"ZR7\"}]");
                }
                if (path.startsWith("/admin/leads?")) {
                    return json("[{\"lead_id\":\"L1\",\"entity\":\"ZR7\",\"product\":\"PV\",\"status\":\"delivered\","
                                    + "\"received_at\":\"2026-11-20T09:00:00Z\",\"nom\":\"Martin\",\"prenom\":\"Éloïse\","
                                    + "\"deliveries\":[{\"client_id\":\"C1\",\"commande_id\":\"K1\",\"batch_id\":\"B1\","
                                    + "\"run_id\":\"run-ZR7-2026-11-21\"}]}]")
                            .setHeader("X-Total-Count", "1");
                }
                if (path.startsWith("/admin/leads/L1/reject")) {
                    return json("{\"lead_id\":\"L1\"}");
                }
                return json("[]");
            }
        });
        routing.start();
    }

    @AfterAll
    static void stop() throws IOException {
        routing.shutdown();
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        String url = "http://localhost:" + routing.getPort();
        for (String s : new String[] {"intake", "routing", "delivery", "notifier", "crm-push"}) {
            registry.add("rdz.console.services." + s, () -> url);
        }
    }

    @BeforeEach
    void drain() throws InterruptedException {
        while (routing.takeRequest(10, TimeUnit.MILLISECONDS) != null) {
            // forget the requests of earlier tests
        }
    }

    /** A signed-in browser: its session cookie and the CSRF token of its pages. */
    record Browser(String session, String csrf) {}

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private Browser loginPage() {
        EntityExchangeResult<String> page = web.get()
                .uri("/login")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult();
        return new Browser(cookie(page), csrf(page.getResponseBody()));
    }

    private Browser login(String user, String password) {
        Browser anonymous = loginPage();
        EntityExchangeResult<byte[]> answer = web.post()
                .uri("/login")
                .cookie("RDZ_CONSOLE", anonymous.session())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("username", user)
                        .with("password", password)
                        .with("_csrf", anonymous.csrf()))
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectHeader()
                .location("/")
                .expectBody()
                .returnResult();
        String session = answer.getResponseCookies().getFirst("RDZ_CONSOLE") != null
                ? answer.getResponseCookies().getFirst("RDZ_CONSOLE").getValue()
                : anonymous.session();
        String home = web.get()
                .uri("/")
                .cookie("RDZ_CONSOLE", session)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        return new Browser(session, csrf(home));
    }

    @Test
    void eachBrowserRequestIsAnsweredOnItsOwnConnection() {
        // reactor-netty 1.2 may stop reading a kept-alive connection (ConsoleServerConfig)
        web.get().uri("/login").exchange().expectHeader().valueEquals("Connection", "close");
    }

    @Test
    void anAnonymousVisitorIsSentToTheFrenchLoginPage() {
        web.get()
                .uri("/leads")
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectHeader()
                .location("/login");
        String page = web.get()
                .uri("/login")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(page)
                .contains("lang=\"fr\"", "Se connecter", "name=\"username\"", "name=\"password\"", "name=\"_csrf\"")
                .doesNotContain("Identifiant ou mot de passe incorrect");
        // buyers sign in here too (their portal): the page does not call every account an operator's
        assertThat(page).contains("Opérateurs et clients").doesNotContain("compte opérateur");
    }

    @Test
    void aWrongPasswordOrAMissingCsrfTokenIsRefused() {
        Browser anonymous = loginPage();
        web.post()
                .uri("/login")
                .cookie("RDZ_CONSOLE", anonymous.session())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("username", "admin")
                        .with("password", "wrong")
                        .with("_csrf", anonymous.csrf()))
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectHeader()
                .location("/login?error");
        web.post()
                .uri("/login")
                .cookie("RDZ_CONSOLE", anonymous.session())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("username", "admin").with("password", "test-admin"))
                .exchange()
                .expectStatus()
                .isForbidden();
        assertThat(web.get()
                        .uri("/login?error")
                        .exchange()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .contains("Identifiant ou mot de passe incorrect");
    }

    @Test
    void theAdminSeesTheDashboardAndRoutingGetsATokenOfTheAdminNotThePassword() throws Exception {
        Browser admin = login("admin", "test-admin");
        RecordedRequest call = routing.takeRequest(5, TimeUnit.SECONDS);
        assertThat(call).isNotNull();
        String authorization = call.getHeader(HttpHeaders.AUTHORIZATION);
        assertThat(authorization).startsWith("Bearer ").doesNotContain("test-admin");
        Jwt jwt = verifier().decode(authorization.substring(7)).block(Duration.ofSeconds(5));
        assertThat(jwt.getSubject()).isEqualTo("admin");
        assertThat(jwt.getClaimAsString("role")).isEqualTo("admin");
        assertThat(jwt.hasClaim("entity")).isFalse();
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isLessThanOrEqualTo(Duration.ofMinutes(5));

        String dashboard = web.get()
                .uri("/?period=semaine")
                .cookie("RDZ_CONSOLE", admin.session())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(dashboard).contains("Tableau de bord", "Déconnexion", "ZR7 + MDL", "chart-flow");
        String leads = web.get()
                .uri("/leads?phone=0612345678")
                .cookie("RDZ_CONSOLE", admin.session())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(leads).contains("Éloïse Martin", "Livré", ">Solaire Pro</a>", "20/11/2026 10:00", "1 lead(s)");

        web.post()
                .uri("/logout")
                .cookie("RDZ_CONSOLE", admin.session())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("_csrf", admin.csrf()))
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectHeader()
                .location("/login?logout");
        web.get()
                .uri("/")
                .cookie("RDZ_CONSOLE", admin.session())
                .exchange()
                .expectStatus()
                .is3xxRedirection();
    }

    @Test
    void aViewerReadsButCannotWrite() throws Exception {
        Browser viewer = login("viewer", "test-viewer");
        drain();
        web.post()
                .uri("/leads/L1/reject")
                .cookie("RDZ_CONSOLE", viewer.session())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("reason", "Faux numéro").with("_csrf", viewer.csrf()))
                .exchange()
                .expectStatus()
                .isForbidden();
        RecordedRequest call = routing.takeRequest(300, TimeUnit.MILLISECONDS);
        assertThat(call == null ? null : call.getPath())
                .as("no call reached routing")
                .isNull();
        Jwt jwt = verifierToken(viewer);
        assertThat(jwt.getClaimAsString("role")).isEqualTo("viewer");
    }

    @Test
    void aScopedOperatorsTokenCarriesTheirEntityAndThePagesAskForItOnly() throws Exception {
        Browser zr7 = login("zr7", "test-zr7");
        RecordedRequest call = routing.takeRequest(5, TimeUnit.SECONDS);
        assertThat(call.getPath()).contains("entity=ZR7");
        Jwt jwt = verifier()
                .decode(call.getHeader(HttpHeaders.AUTHORIZATION).substring(7))
                .block(Duration.ofSeconds(5));
        assertThat(jwt.getClaimAsString("entity")).isEqualTo("ZR7");
        String page = web.get()
                .uri("/")
                .cookie("RDZ_CONSOLE", zr7.session())
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(page).contains("entity-fixed").doesNotContain("ZR7 + MDL");
    }

    private Jwt verifierToken(Browser browser) throws InterruptedException {
        web.get()
                .uri("/")
                .cookie("RDZ_CONSOLE", browser.session())
                .exchange()
                .expectStatus()
                .isOk();
        RecordedRequest call = routing.takeRequest(5, TimeUnit.SECONDS);
        return verifier()
                .decode(call.getHeader(HttpHeaders.AUTHORIZATION).substring(7))
                .block(Duration.ofSeconds(5));
    }

    private static org.springframework.security.oauth2.jwt.ReactiveJwtDecoder verifier() {
        ConsoleTokenProperties properties = new ConsoleTokenProperties();
        properties.setSecret(SECRET);
        return new ConsoleTokens(properties, Clock.systemUTC()).decoder();
    }

    private static String cookie(EntityExchangeResult<?> result) {
        ResponseCookie cookie = result.getResponseCookies().getFirst("RDZ_CONSOLE");
        assertThat(cookie).as("session cookie").isNotNull();
        return cookie.getValue();
    }

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a CSRF field in the page").isTrue();
        return m.group(1);
    }
}
