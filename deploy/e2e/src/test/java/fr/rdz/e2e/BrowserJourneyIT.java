package fr.rdz.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The whole journey in a real browser: a visitor lands on an LP with UTM parameters, clicks the
 * CTA, fills the form and submits (twice, as an impatient visitor does); the lead is stored with
 * its attribution and consent proof, routed to a commande, delivered by the daily run as a CSV
 * e-mail and POSTed into the client's CRM. Pages carry the scripts routing-service generates.
 * Runs only where Debian's Chromium and chromedriver are installed ({@code .ci/run} installs them).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserJourneyIT {

    static final Path WORK = Path.of("target", "e2e");
    static final String CONSENT = "J'accepte d'être recontacté(e) par téléphone au sujet de mon projet solaire.";

    static RdzProcesses rdz;
    static StandInCrm crm;
    static PageServer pages;
    static WebDriver browser;
    static MongoClient mongo;
    static final AdminApi api = new AdminApi();

    static String lpCode;
    static String formCode;
    static String pacFormCode;
    static String clientId;

    @BeforeAll
    static void startRdzAndBrowser() throws Exception {
        Chromium.assumeInstalled();
        Files.createDirectories(WORK);
        crm = StandInCrm.start();
        pages = PageServer.start();
        rdz = RdzProcesses.start(WORK, pages.origin());
        mongo = MongoClients.create(rdz.stack().mongo().uri(""));
        rdz.awaitHealthy(Duration.ofMinutes(4));

        createCatalog();
        browser = Chromium.start(WORK, "1024,900", PageLoadStrategy.NORMAL);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (mongo != null) {
            mongo.close();
        }
        if (pages != null) {
            pages.close();
        }
        if (crm != null) {
            crm.close();
        }
        if (rdz != null) {
            rdz.close();
        }
    }

    static void createCatalog() {
        String routing = rdz.url("routing");
        lpCode = api.post(
                        routing + "/admin/lps",
                        Map.of("entity", "ZR7", "name", "Solaire E2E", "url", pages.url("lp.html")))
                .path("code")
                .asText();
        formCode = api.post(
                        routing + "/admin/forms",
                        Map.of("entity", "ZR7", "product", "PV", "name", "Solaire E2E", "lp_code", lpCode))
                .path("code")
                .asText();
        pacFormCode = api.post(
                        routing + "/admin/forms",
                        Map.of(
                                "entity",
                                "ZR7",
                                "product",
                                "PAC",
                                "name",
                                "PAC une page",
                                "redirect_url",
                                pages.url("merci.html")))
                .path("code")
                .asText();
        clientId = api.post(
                        routing + "/admin/clients",
                        Map.of(
                                "entity", "ZR7",
                                "name", "Solaire Pro",
                                "emails", List.of("leads@solaire-pro.example.fr"),
                                "delivery_channel", "both",
                                "api_url", crm.url(),
                                "api_key", "crm_e2e_secret_key_0001"))
                .path("id")
                .asText();
        String yesterday = LocalDate.now(ZoneId.of("Europe/Paris")).minusDays(1).toString();
        for (String product : List.of("PV", "PAC")) {
            api.post(
                    routing + "/admin/commandes",
                    Map.of(
                            "entity",
                            "ZR7",
                            "client_id",
                            clientId,
                            "product",
                            product,
                            "departements",
                            List.of("*"),
                            "weekly_quota",
                            100,
                            "delivery_days",
                            List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"),
                            "lb_max_percent",
                            0,
                            "priority",
                            1,
                            "starts_on",
                            yesterday));
        }
        // the brief embeds the catalog; intake learns it from the compacted catalog topics
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                        intake().getCollection("forms").countDocuments(Filters.in("_id", formCode, pacFormCode)))
                .isEqualTo(2));

        JsonNode briefA = api.get(routing + "/admin/forms/" + formCode + "/brief?mode=A");
        JsonNode briefB = api.get(routing + "/admin/forms/" + pacFormCode + "/brief?mode=B");
        pages.with("LP_SCRIPT", briefA.path("lp_script").asText())
                .with("FORM_SCRIPT", briefA.path("form_script").asText())
                .with("INTEGRATED_SCRIPT", briefB.path("integrated_script").asText())
                .with("FORM_URL", pages.url("form.html"))
                .with("CONSENT_TEXT", CONSENT);
    }

    @Test
    @Order(1)
    void landingPageVisitWithUtmIsTrackedOnceEvenWithTheScriptLoadedTwiceAndAfterAReload() {
        browser.get(pages.url("lp.html") + "?utm_source=google&utm_medium=cpc&utm_campaign=solaire-e2e&gclid=G-123");
        String sessionId = awaitSessionId();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(trackedEvents(sessionId, "lp_visit"))
                .isEqualTo(1));

        browser.navigate().refresh();
        assertThat(awaitSessionId())
                .as("a reload within 30 minutes reuses the session")
                .isEqualTo(sessionId);
        // give the reloaded page's beacon the time to arrive, then check it was not counted twice
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                        trackedEvents(sessionId, "lp_visit"))
                .isEqualTo(1));
        assertThat(intake().getCollection("visitor_sessions").countDocuments(Filters.eq("lpCode", lpCode)))
                .isEqualTo(1);
        Document session = intake().getCollection("visitor_sessions")
                .find(Filters.eq("lpCode", lpCode))
                .first();
        assertThat(session.toJson()).contains("google", "solaire-e2e", "G-123");
    }

    @Test
    @Order(2)
    void ctaClickFormStartAndADoubleClickedSubmitStoreOneLeadWithItsAttributionAndConsent() throws Exception {
        String sessionId = awaitSessionId();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !browser.findElements(By.id("cta")).isEmpty());
        browser.findElement(By.id("cta")).click();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> browser.getCurrentUrl().contains("form.html"));
        assertThat(browser.getCurrentUrl()).contains("rdz_sid=" + sessionId);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(trackedEvents(sessionId, "cta_click"))
                .isEqualTo(1));

        browser.findElement(By.id("nom")).sendKeys("Martin");
        browser.findElement(By.id("prenom")).sendKeys("Éloïse");
        browser.findElement(By.id("phone")).sendKeys("06 12 34 56 78");
        browser.findElement(By.id("email")).sendKeys("eloise.martin@example.fr");
        browser.findElement(By.id("code_postal")).sendKeys("75011");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(trackedEvents(sessionId, "form_start"))
                .isEqualTo(1));

        new Actions(browser).doubleClick(browser.findElement(By.id("submit"))).perform();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !browser.findElement(By.id("result")).getText().isEmpty());
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, WORK.resolve("form-after-submit.png"), StandardCopyOption.REPLACE_EXISTING);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(leads(formCode)).hasSizeGreaterThanOrEqualTo(1));
        List<Document> stored = leads(formCode);
        List<Document> kept = stored.stream()
                .filter(d -> !"DOUBLE_SUBMIT".equals(d.getString("status")))
                .toList();
        assertThat(kept).as("a double click makes one lead").hasSize(1);
        String lead = kept.get(0).toJson();
        assertThat(lead)
                .contains("0612345678", "75", lpCode + "_" + formCode, "solaire-e2e", "google", CONSENT)
                .contains(pages.url("form.html"));
    }

    @Test
    @Order(3)
    void theLeadIsRoutedDeliveredByTheRunAsACsvEmailAndPushedIntoTheClientCrm() throws Exception {
        String routing = rdz.url("routing");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode found = api.get(routing + "/admin/leads?phone=0612345678");
            assertThat(found.toString()).contains("fresh");
        });
        String leadId = api.get(routing + "/admin/leads?phone=0612345678")
                .path(0)
                .path("lead_id")
                .asText();

        // the run of date D sees the leads received before D 09:30 Paris: tomorrow's run takes today's lead
        String tomorrow = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(1).toString();
        api.awaitPlannable(rdz.url("delivery"), "ZR7", tomorrow, leadId);
        JsonNode run = api.post(
                rdz.url("delivery") + "/admin/runs", Map.of("entity", "ZR7", "date", tomorrow, "dry_run", false));
        assertThat(run.toString()).contains(clientId);

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(csvRowsMailed()).anySatisfy(row -> assertThat(row)
                        .startsWith("Martin;Éloïse;0612345678;eloise.martin@example.fr;75011;75;oui")));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(crm.received()).anySatisfy(post -> {
                    assertThat(post.authorization()).isEqualTo("crm_e2e_secret_key_0001");
                    assertThat(post.body()).contains("\"phone\":\"0612345678\"", "\"nom\":\"Martin\"");
                }));
    }

    @Test
    @Order(4)
    void integratedScriptOnASinglePageTracksAndSubmitsThenRedirects() {
        browser.get(pages.url("integrated.html") + "?utm_source=facebook&fbclid=F-9");
        browser.findElement(By.id("cta")).click();
        browser.findElement(By.id("nom")).sendKeys("Durand");
        browser.findElement(By.id("prenom")).sendKeys("Noël");
        browser.findElement(By.id("phone")).sendKeys("+33 7 81 23 45 67");
        browser.findElement(By.id("code_postal")).sendKeys("20090");
        browser.findElement(By.id("submit")).click();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> browser.getCurrentUrl().contains("merci.html"));

        List<Document> stored = leads(pacFormCode);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).toJson()).contains("0781234567", "2A", "facebook", "F-9");
    }

    static String awaitSessionId() {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> (String) ((JavascriptExecutor) browser)
                                .executeScript(
                                        "return window.sessionStorage.getItem('rdz_session_' + arguments[0]);", lpCode),
                        id -> id != null && !id.isEmpty());
    }

    static MongoDatabase intake() {
        return mongo.getDatabase("rdz_intake");
    }

    static long trackedEvents(String sessionId, String event) {
        return intake().getCollection("tracking")
                .countDocuments(Filters.and(Filters.eq("sessionId", sessionId), Filters.eq("event", event)));
    }

    static List<Document> leads(String form) {
        return intake().getCollection("leads")
                .find(Filters.eq("received.lead.source.formCode", form))
                .into(new ArrayList<>());
    }

    /** Every data row of every CSV attachment the SMTP catcher kept as .eml under its mail folder. */
    static List<String> csvRowsMailed() throws Exception {
        List<String> rows = new ArrayList<>();
        Session session = Session.getInstance(new Properties());
        try (var files = Files.list(rdz.stack().smtp().mailDir())) {
            for (Path eml : files.filter(p -> p.toString().endsWith(".eml")).toList()) {
                try (InputStream in = Files.newInputStream(eml)) {
                    collectCsvRows(new MimeMessage(session, in), rows);
                }
            }
        }
        return rows;
    }

    private static void collectCsvRows(Part part, List<String> rows) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = new MimeMultipart(part.getDataHandler().getDataSource());
            for (int i = 0; i < multipart.getCount(); i++) {
                collectCsvRows(multipart.getBodyPart(i), rows);
            }
        } else if (part.getFileName() != null && part.getFileName().endsWith(".csv")) {
            String csv = new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            List<String> lines = csv.replace("\uFEFF", "").lines().toList();
            rows.addAll(lines.subList(1, lines.size()));
        }
    }
}
