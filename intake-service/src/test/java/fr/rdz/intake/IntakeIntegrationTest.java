package fr.rdz.intake;

import static org.awaitility.Awaitility.await;

import fr.rdz.events.Entity;
import fr.rdz.events.Product;
import fr.rdz.intake.catalog.application.Catalog;
import fr.rdz.intake.support.CatalogFeed;
import fr.rdz.intake.support.IntakeTestConfig;
import fr.rdz.intake.support.LeadEvents;
import fr.rdz.intake.support.MutableClock;
import fr.rdz.stack.RdzTestStack;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of every intake-service integration test: the real service context against the shared test stack
 * (real KRaft broker, Mongo wire server). One configuration, so Spring caches one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(IntakeTestConfig.class)
public abstract class IntakeIntegrationTest {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin";
    /** Known to the catalog once {@link #knownForm()} ran: ZR7 / PV, fed by LP-IT-1. */
    public static final String FORM = "PV-IT-1";

    public static final String LP = "LP-IT-1";

    private static LeadEvents events;
    private static CatalogFeed feed;

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected ReactiveMongoTemplate mongo;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected Catalog catalog;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RdzTestStack.register(registry, "rdz_intake");
    }

    protected WebTestClient admin() {
        return web.mutate()
                .defaultHeaders(h -> h.setBasicAuth(ADMIN, ADMIN_PASSWORD))
                .build();
    }

    protected static synchronized LeadEvents events() {
        if (events == null) {
            events = new LeadEvents(RdzTestStack.get().kafkaBootstrapServers());
        }
        return events;
    }

    protected static synchronized CatalogFeed feed() {
        if (feed == null) {
            feed = new CatalogFeed(RdzTestStack.get().kafkaBootstrapServers());
        }
        return feed;
    }

    /** Publishes {@link #FORM} and {@link #LP} on the catalog topics and waits until intake knows them. */
    protected void knownForm() {
        if (catalog.form(FORM).isPresent() && catalog.lp(LP).isPresent()) {
            return;
        }
        feed().form(FORM, Entity.ZR7, Product.PV, LP);
        feed().lp(LP, Entity.ZR7, FORM);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> catalog.form(FORM).isPresent() && catalog.lp(LP).isPresent());
    }

    /** A complete valid lead body of {@link #FORM} with a fresh session and phone. */
    protected static Map<String, Object> aLead() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("session_id", UUID.randomUUID().toString());
        body.put("form_code", FORM);
        body.put("phone", randomMobile());
        body.put("nom", "Martin");
        body.put("prenom", "Éloïse");
        body.put("civilite", "Mme");
        body.put("email", "eloise.martin@example.fr");
        body.put("code_postal", "75011");
        body.put("ville", "Paris");
        body.put("rgpd_consent", true);
        body.put("page_url", "https://solaire.example.fr/formulaire");
        body.put("consent_text", "J'accepte d'être recontacté(e) par téléphone.");
        return body;
    }

    /** A valid mobile no other test uses (06 + 8 random digits, never a run or a repeat). */
    protected static String randomMobile() {
        return "06" + (12_000_000 + ThreadLocalRandom.current().nextInt(80_000_000));
    }

    /** A caller address of its own, so that the per-IP rate limit of one test never touches another. */
    protected static String anIp() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    protected WebTestClient.ResponseSpec post(String path, Object body) {
        return web.post()
                .uri(path)
                .header("X-Forwarded-For", anIp())
                .header("User-Agent", "Mozilla/5.0 (IT)")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }
}
