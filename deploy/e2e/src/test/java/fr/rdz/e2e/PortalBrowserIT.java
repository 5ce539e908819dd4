package fr.rdz.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The buyers' portal (issue 16) in a real browser over the real services: buyer Acme signs in,
 * sees its commande's week and its batch, downloads the batch's CSV (byte for byte as e-mailed),
 * opens the batch's leads and returns one with a reason from the list; the operator sees the return
 * in the lead's timeline and the dashboard's rejected figure; buyer Bravo sees nothing of Acme's
 * data (not listed, its batch page and CSV are 404) and no buyer reaches an operator page.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalBrowserIT {

    static final Path WORK = Path.of("target", "e2e-portal");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final List<String> SERVICES = List.of("intake", "routing", "delivery", "notifier");

    static RdzProcesses rdz;
    static WebDriver browser;
    static ConsoleBrowser pages;
    static MongoClient mongo;
    static final AdminApi api = new AdminApi();

    static String form;
    static String acme;
    static String bravo;
    static String batchId;
    static final String TOMORROW = LocalDate.now(PARIS).plusDays(1).toString();
    static final String PHONE = "06" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    static final String OTHER_PHONE =
            "07" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    static String leadId;
    static String otherLeadId;

    @BeforeAll
    static void start() throws Exception {
        Chromium.assumeInstalled();
        Files.createDirectories(WORK);
        rdz = RdzProcesses.start(WORK, "http://localhost", SERVICES, List.of());
        mongo = MongoClients.create(rdz.stack().mongo().uri(""));
        rdz.awaitHealthy(Duration.ofMinutes(6));
        deliveredBatch();
        // the buyers' accounts, bound to the client ids routing gave (the console's rdz.security users)
        rdz.startConsole(List.of(
                "--rdz.security.users[0].name=acme",
                "--rdz.security.users[0].password=acme-portail-1",
                "--rdz.security.users[0].role=CLIENT",
                "--rdz.security.users[0].client-id=" + acme,
                "--rdz.security.users[1].name=bravo",
                "--rdz.security.users[1].password=bravo-portail-1",
                "--rdz.security.users[1].role=CLIENT",
                "--rdz.security.users[1].client-id=" + bravo));
        rdz.awaitHealthy("console", Duration.ofMinutes(3));
        // a click returns once the next page's DOM is ready; each step then waits for what it needs
        browser = Chromium.start(WORK, "1440,1000", PageLoadStrategy.EAGER);
        pages = new ConsoleBrowser(browser, () -> rdz.url("console"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (mongo != null) {
            mongo.close();
        }
        if (rdz != null) {
            rdz.close();
        }
    }

    /** Acme's commande gets tomorrow's ZR7 batch of two leads, e-mailed; Bravo has a commande of another product. */
    static void deliveredBatch() {
        String routing = rdz.url("routing");
        form = api.post(routing + "/admin/forms", Map.of("entity", "ZR7", "product", "PV", "name", "Solaire portail"))
                .path("code")
                .asText();
        acme = client("Acme Rénovation", "leads@acme.example.fr");
        bravo = client("Bravo Habitat", "leads@bravo.example.fr");
        String commande = commande(acme, "PV");
        commande(bravo, "PAC");
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(
                        mongo.getDatabase("rdz_intake").getCollection("forms").countDocuments(Filters.eq("_id", form)))
                .isEqualTo(1));
        leadId = submit(form, PHONE, "Martin", "eloise.martin@example.fr", "75011");
        otherLeadId = submit(form, OTHER_PHONE, "Bernard", "luc.bernard@example.fr", "69003");
        for (String id : List.of(leadId, otherLeadId)) {
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> "fresh"
                    .equals(api.get(routing + "/admin/leads/" + id)
                            .path("status")
                            .asText()));
        }
        api.awaitPlannable(rdz.url("delivery"), "ZR7", TOMORROW, leadId, otherLeadId);
        api.post(rdz.url("delivery") + "/admin/runs", Map.of("entity", "ZR7", "date", TOMORROW, "dry_run", false));
        batchId = "run-ZR7-" + TOMORROW + ":" + commande;
        await().atMost(Duration.ofSeconds(120)).until(() -> emailedCsv() != null);
        for (String id : List.of(leadId, otherLeadId)) {
            await().atMost(Duration.ofSeconds(90))
                    .untilAsserted(() -> assertThat(api.get(routing + "/admin/leads/" + id)
                                    .path("history")
                                    .toString())
                            .contains("\"delivered\""));
        }
    }

    static String client(String name, String email) {
        return api.post(
                        rdz.url("routing") + "/admin/clients",
                        Map.of("entity", "ZR7", "name", name, "emails", List.of(email), "delivery_channel", "email"))
                .path("id")
                .asText();
    }

    static String commande(String clientId, String product) {
        return api.post(
                        rdz.url("routing") + "/admin/commandes",
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
                                70,
                                "delivery_days",
                                List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"),
                                "lb_max_percent",
                                0,
                                "priority",
                                1,
                                "starts_on",
                                LocalDate.now(PARIS).minusDays(1).toString()))
                .path("id")
                .asText();
    }

    /** The CSV attached to Acme's e-mail (kept as an .eml by the SMTP catcher), or null. */
    static byte[] emailedCsv() throws Exception {
        try (var files = Files.list(rdz.stack().smtp().mailDir())) {
            for (Path eml : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                try (var in = Files.newInputStream(eml)) {
                    var message = new MimeMessage(Session.getInstance(new Properties()), in);
                    if (message.getContent() instanceof Multipart parts) {
                        for (int i = 0; i < parts.getCount(); i++) {
                            BodyPart part = parts.getBodyPart(i);
                            if (part.getFileName() != null && part.getFileName().endsWith(".csv")) {
                                byte[] bytes = part.getInputStream().readAllBytes();
                                if (new String(bytes, StandardCharsets.UTF_8).contains(PHONE)) {
                                    return bytes;
                                }
                            }
                        }
                    }
                }
            }
        }
        return null;
    }

    @Test
    @Order(1)
    void aBuyerLogsInDownloadsItsBatchAndReturnsALead() throws Exception {
        browser.get(pages.url("/portail"));
        pages.awaitUrl("/login");
        pages.login("acme", "acme-portail-1");
        pages.awaitUrl("/portail");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Mes livraisons");
        assertThat(browser.findElement(By.className("user")).getText()).isEqualTo("acme");
        // the commande's week: quota 70
        assertThat(browser.findElement(By.cssSelector("td.quota")).getText()).isEqualTo("70");

        // the batches up to tomorrow (the run's date)
        ((JavascriptExecutor) browser).executeScript("document.getElementById('date').value = arguments[0]", TOMORROW);
        browser.findElement(By.cssSelector("form.inline button[type=submit]")).click();
        WebElement batch = await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> browser.findElement(By.cssSelector("tr.batch[data-batch='" + batchId + "']")), e -> true);
        assertThat(batch.getText()).contains(TOMORROW, "PV");

        // the CSV, byte for byte as e-mailed
        String href = batch.findElement(By.className("csv-link")).getAttribute("href");
        byte[] csv = fetch(href);
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains(PHONE);
        assertThat(csv).isEqualTo(emailedCsv());

        // the batch's leads; one returned with a reason from the list
        batch.findElement(By.tagName("a")).click();
        pages.awaitHeading("Lot du " + TOMORROW);
        WebElement row = browser.findElement(By.id("lead-" + leadId));
        assertThat(row.getText()).contains(PHONE, "Martin");
        assertThat(browser.findElement(By.id("lead-" + otherLeadId)).getText()).contains(OTHER_PHONE);
        // the proof of consent, opened through the signed link delivered with the lead
        WebElement proof = row.findElement(By.cssSelector(".consent-proof a"));
        var pack = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(proof.getAttribute("href")))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(pack.statusCode()).isEqualTo(200);
        assertThat(pack.body()).contains(leadId);
        new Select(row.findElement(By.name("reason"))).selectByVisibleText("Faux numéro");
        row.findElement(By.cssSelector(".return-form button[type=submit]")).click();
        pages.awaitUrl("retourne=");
        assertThat(browser.findElement(By.cssSelector(".alert.ok")).getText()).contains("Le lead a été retourné");
        assertThat(browser.findElement(By.id("lead-" + leadId)).getText()).contains("Retourné : Faux numéro");
        assertThat(browser.findElement(By.id("lead-" + otherLeadId)).findElements(By.className("return-form")))
                .hasSize(1);

        // a buyer reaches no operator page
        assertThat(status("/leads/" + leadId)).isEqualTo(403);
        assertThat(status("/clients")).isEqualTo(403);
        pages.logout();
    }

    @Test
    @Order(2)
    void theOperatorSeesTheReturn() {
        pages.login("admin", "rdz-local-admin");
        pages.awaitHeading("Tableau de bord");
        WebElement rejected =
                browser.findElement(By.xpath("//div[@class='kpi'][div[@class='label']='Rejetés']/div[@class='value']"));
        assertThat(Long.parseLong(rejected.getText())).isGreaterThanOrEqualTo(1);
        browser.get(pages.url("/leads/" + leadId));
        assertThat(browser.findElement(By.id("timeline")).getText())
                .contains("Rejeté par Acme Rénovation : Faux numéro");
        assertThat(api.get(rdz.url("routing") + "/admin/leads/" + leadId)
                        .path("status")
                        .asText())
                .isEqualTo("rejected");
        pages.logout();
    }

    @Test
    @Order(3)
    void anotherBuyerSeesNothingOfIt() {
        pages.login("bravo", "bravo-portail-1");
        pages.awaitUrl("/portail");
        browser.get(pages.url("/portail?date=" + TOMORROW));
        assertThat(browser.findElements(By.cssSelector("tr.batch"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(batchId, PHONE, "Acme");
        assertThat(status("/portail/lots/" + batchId)).isEqualTo(404);
        assertThat(status("/portail/lots/" + batchId + "/csv")).isEqualTo(404);
        browser.get(pages.url("/portail/lots/" + batchId));
        assertThat(browser.getPageSource()).doesNotContain(PHONE, "Martin");
        pages.logout();
    }

    /** The bytes of a same-origin GET made by the page (its session cookie). */
    static byte[] fetch(String url) {
        Object downloaded = ((JavascriptExecutor) browser)
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {"
                                + "let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s)); });",
                        url);
        return Base64.getDecoder().decode((String) downloaded);
    }

    /** The status of a same-origin GET made by the page. */
    static long status(String path) {
        return (Long) ((JavascriptExecutor) browser)
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0], {redirect: 'manual'}).then(r => done(r.status));",
                        path);
    }

    static String submit(String form, String phone, String nom, String email, String codePostal) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("session_id", java.util.UUID.randomUUID().toString());
        body.put("form_code", form);
        body.put("phone", phone);
        body.put("nom", nom);
        body.put("prenom", "Éloïse");
        body.put("email", email);
        body.put("code_postal", codePostal);
        body.put("rgpd_consent", true);
        body.put("consent_text", "J'accepte d'être recontacté(e) par téléphone.");
        return PublicLeads.submit(rdz.url("intake"), body).path("lead_id").asText();
    }
}
