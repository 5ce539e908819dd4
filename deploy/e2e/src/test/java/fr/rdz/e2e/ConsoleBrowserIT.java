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
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The operators' console in a real browser, over the real services started as processes: the
 * French login, the dashboard with its charts, a lead found, read as a timeline and rejected for its
 * client; a viewer who cannot write; a ZR7-scoped operator who never sees MDL data. Each page is
 * saved as a screenshot under {@code docs/console/} (shown in the README).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    static final Path WORK = Path.of("target", "e2e-console");
    static final Path SHOTS = Path.of(System.getProperty("rdz.root", "../..")).resolve("docs/console");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    static RdzProcesses rdz;
    static WebDriver browser;
    static ConsoleBrowser pages;
    static MongoClient mongo;
    static final AdminApi api = new AdminApi();

    static String zr7Form;
    static String mdlForm;
    static String clientId;
    static String mdlClientId;
    static final String PHONE = "06" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    static final String MDL_PHONE =
            "07" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    static String leadId;
    static String mdlLeadId;
    /** The MDL client whose CRM is down (the stand-in answers 503 until the replay). */
    static StandInCrm crm;

    static String mdlPacForm;
    static String apiClientId;
    static final String PUSH_PHONE =
            "06" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    static String pushLeadId;

    @BeforeAll
    static void start() throws Exception {
        Chromium.assumeInstalled();
        Files.createDirectories(WORK);
        Files.createDirectories(SHOTS);
        crm = StandInCrm.start();
        crm.answer(503);
        // crm-push's retry delays shortened as its tests do (same code path): the push is dead-lettered in seconds
        rdz = RdzProcesses.start(
                WORK,
                "http://localhost",
                RdzProcesses.SERVICES,
                List.of("--rdz.crm-push.retry-delays=200ms,300ms,400ms,500ms,600ms"));
        rdz.startConsole();
        mongo = MongoClients.create(rdz.stack().mongo().uri(""));
        rdz.awaitHealthy(Duration.ofMinutes(6));
        mdlData();
        browser = Chromium.start(WORK, "1440,1000", PageLoadStrategy.NORMAL);
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
        if (crm != null) {
            crm.close();
        }
    }

    /** The MDL side, made through the API: the ZR7 side is made through the console's pages by the journey. */
    static void mdlData() {
        String routing = rdz.url("routing");
        mdlForm = api.post(routing + "/admin/forms", Map.of("entity", "MDL", "product", "ITE", "name", "Isolation"))
                .path("code")
                .asText();
        mdlClientId = api.post(
                        routing + "/admin/clients",
                        Map.of(
                                "entity", "MDL",
                                "name", "Isolation Nord",
                                "emails", List.of("leads@isolation-nord.example.fr"),
                                "delivery_channel", "email"))
                .path("id")
                .asText();
        api.post(
                routing + "/admin/commandes",
                Map.of(
                        "entity",
                        "MDL",
                        "client_id",
                        mdlClientId,
                        "product",
                        "ITE",
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
                        LocalDate.now(PARIS).minusDays(1).toString()));
        // a client served through its CRM's API (the stand-in), for the failed push
        mdlPacForm = api.post(routing + "/admin/forms", Map.of("entity", "MDL", "product", "PAC", "name", "Pompe"))
                .path("code")
                .asText();
        apiClientId = api.post(
                        routing + "/admin/clients",
                        Map.of(
                                "entity", "MDL",
                                "name", "Chaleur Directe",
                                "delivery_channel", "api",
                                "api_url", crm.url(),
                                "api_key", "cle-crm-chaleur-directe-0001"))
                .path("id")
                .asText();
        api.post(
                routing + "/admin/commandes",
                Map.of(
                        "entity",
                        "MDL",
                        "client_id",
                        apiClientId,
                        "product",
                        "PAC",
                        "departements",
                        List.of("*"),
                        "weekly_quota",
                        7,
                        "delivery_days",
                        List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"),
                        "lb_max_percent",
                        0,
                        "priority",
                        1,
                        "starts_on",
                        LocalDate.now(PARIS).minusDays(1).toString()));
    }

    static void awaitFormKnownToIntake(String code) {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(
                        mongo.getDatabase("rdz_intake").getCollection("forms").countDocuments(Filters.eq("_id", code)))
                .isEqualTo(1));
    }

    static void awaitFresh(String id) {
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> "fresh"
                .equals(api.get(rdz.url("routing") + "/admin/leads/" + id)
                        .path("status")
                        .asText()));
    }

    static String submit(String form, String phone, String nom, String email, String codePostal) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("session_id", UUID.randomUUID().toString());
        body.put("form_code", form);
        body.put("phone", phone);
        body.put("nom", nom);
        body.put("prenom", "Éloïse");
        body.put("email", email);
        body.put("code_postal", codePostal);
        body.put("rgpd_consent", true);
        body.put("utm_source", "google");
        body.put("utm_campaign", "solaire-hiver");
        body.put("consent_text", "J'accepte d'être recontacté(e) par téléphone.");
        return PublicLeads.submit(rdz.url("intake"), body).path("lead_id").asText();
    }

    @Test
    @Order(1)
    void theAdminLogsInOnTheFrenchPage() throws Exception {
        browser.get(pages.url("/"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
        shot("connexion");
        pages.login("admin", "wrong-password");
        assertThat(browser.findElement(By.cssSelector(".alert.error")).getText())
                .isEqualTo("Identifiant ou mot de passe incorrect.");
        pages.login("admin", "rdz-local-admin");
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Tableau de bord");
        assertThat(browser.findElement(By.className("user")).getText()).isEqualTo("admin");
        assertThat(browser.findElement(By.cssSelector(".logout button")).getText())
                .isEqualTo("Déconnexion");
    }

    @Test
    @Order(2)
    void theMorningLpFormClientAndCommandeAreCreatedThroughThePagesThenARunIsPreviewedAndLaunched() throws Exception {
        // LP, then its form
        browser.get(pages.url("/lps/new"));
        zr7();
        browser.findElement(By.id("name")).sendKeys("Solaire hiver");
        browser.findElement(By.id("url")).sendKeys("https://lp.example.fr/solaire");
        browser.findElement(By.id("save")).click();
        pages.awaitUrl("lp_created=");
        String lp = browser.getCurrentUrl().replaceAll(".*lp_created=", "");
        assertThat(lp).matches("LP-\\d+");
        browser.get(pages.url("/forms/new"));
        zr7();
        new Select(browser.findElement(By.id("product"))).selectByValue("PV");
        browser.findElement(By.id("name")).sendKeys("Solaire hiver");
        new Select(browser.findElement(By.id("lp_code"))).selectByValue(lp);
        browser.findElement(By.id("save")).click();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(browser.getCurrentUrl()).matches(".*/forms/PV-\\d+.*"));
        zr7Form = browser.getCurrentUrl().replaceAll(".*/forms/([A-Z]+-\\d+).*", "$1");
        assertThat(zr7Form).matches("PV-\\d+");
        browser.get(pages.url("/forms"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(zr7Form, lp);
        shot("formulaires");

        // the client: every invalid field at once, then saved
        browser.get(pages.url("/clients/new"));
        zr7();
        browser.findElement(By.id("save")).click();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> assertThat(
                        browser.findElements(By.cssSelector(".field.invalid")))
                .hasSizeGreaterThanOrEqualTo(2));
        zr7();
        browser.findElement(By.id("name")).sendKeys("Solaire Pro");
        new Select(browser.findElement(By.id("delivery_channel"))).selectByValue("email");
        browser.findElement(By.id("emails")).clear();
        browser.findElement(By.id("emails")).sendKeys("leads@solaire-pro.example.fr");
        browser.findElement(By.id("save")).click();
        pages.awaitUrl("created");
        clientId = browser.getCurrentUrl().replaceAll(".*/clients/([^?]+).*", "$1");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Solaire Pro", "Client créé.")
                .doesNotContain("Client enregistré.", "Client désactivé");
        shot("clients");

        // its commande, every day of the week (tomorrow's run must find it)
        browser.get(pages.url("/commandes/new"));
        zr7();
        new Select(browser.findElement(By.id("client_id"))).selectByValue(clientId);
        new Select(browser.findElement(By.id("product"))).selectByValue("PV");
        browser.findElement(By.id("departements")).clear();
        browser.findElement(By.id("departements")).sendKeys("*");
        browser.findElement(By.id("weekly_quota")).clear();
        browser.findElement(By.id("weekly_quota")).sendKeys("70");
        for (WebElement day : browser.findElements(By.cssSelector("input[name=delivery_days]"))) {
            if (!day.isSelected()) {
                day.click();
            }
        }
        browser.findElement(By.id("save")).click();
        pages.awaitUrl("created");
        assertThat(browser.getCurrentUrl()).contains("/commandes/");
        shot("commandes");

        // the visitors' leads (intake's public route, as the form page posts them)
        awaitFormKnownToIntake(zr7Form);
        awaitFormKnownToIntake(mdlForm);
        leadId = submit(zr7Form, PHONE, "Martin", "eloise.martin@example.fr", "75011");
        mdlLeadId = submit(mdlForm, MDL_PHONE, "Lefebvre", "paul.lefebvre@example.fr", "59000");
        awaitFresh(leadId);
        awaitFresh(mdlLeadId);

        // preview, then launch tomorrow's ZR7 run (it sees the leads received today)
        String tomorrow = LocalDate.now(PARIS).plusDays(1).toString();
        api.awaitPlannable(rdz.url("delivery"), "ZR7", tomorrow, leadId);
        browser.get(pages.url("/runs"));
        browser.findElement(By.id("launch-run")).click();
        new Select(browser.findElement(By.id("entity"))).selectByValue("ZR7");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('date').value = arguments[0]", tomorrow);
        browser.findElement(By.id("preview")).click();
        pages.awaitHeading("Aperçu");
        // the batch of the commande, short (one lead for a daily target of 35); the client by name where
        // delivery names it, else by id
        String preview = browser.findElement(By.tagName("main")).getText();
        assertThat(preview).contains("Aperçu", "PV").containsAnyOf("Solaire Pro", clientId);
        assertThat(api.get(rdz.url("delivery") + "/admin/runs?date=" + tomorrow + "&entity=ZR7")
                        .toString())
                .as("a preview records nothing")
                .doesNotContain(leadId);
        shot("livraison-apercu");
        browser.findElement(By.id("confirm-launch")).click();
        assertThat(browser.switchTo().alert().getText()).startsWith("Lancer la livraison");
        browser.switchTo().alert().accept();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(browser.getCurrentUrl()).contains("/runs/run-ZR7-" + tomorrow));
        assertThat(browser.findElement(By.tagName("main")).getText())
                .containsAnyOf("Solaire Pro", clientId)
                .doesNotContain("RECORDED", "PUBLISHED");
        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> assertThat(api.get(rdz.url("routing") + "/admin/leads/" + leadId)
                                .path("history")
                                .toString())
                        .contains("\"delivered\""));

        // why the batch is short, in words (delivery's short_reasons): the pool had one lead for the day's target
        WebElement batch = browser.findElement(By.cssSelector("tr.batch-short"));
        assertThat(batch.findElement(By.cssSelector(".why-short li[data-code=POOL_EXHAUSTED]"))
                        .getText())
                .isNotBlank();
        shot("livraison");

        // the batch's CSV downloaded from the page: byte for byte what notifier e-mailed
        String batchId = batch.getAttribute("id").substring("batch-".length());
        byte[] emailed = await().atMost(Duration.ofSeconds(90)).until(() -> emailedCsv(), b -> b != null);
        String href = batch.findElement(By.className("csv-link")).getAttribute("href");
        assertThat(href).endsWith("/batches/" + batchId + "/csv");
        Object downloaded = ((JavascriptExecutor) browser)
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {"
                                + "let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s)); });",
                        href);
        byte[] csv = Base64.getDecoder().decode((String) downloaded);
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains(PHONE);
        assertThat(csv).isEqualTo(emailed);
    }

    /** The CSV attached to the e-mail (kept as an .eml by the SMTP catcher) that holds the ZR7 lead, or null. */
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
    @Order(4)
    void aFailedPushIsSeenAndReplayedFromTheFailuresPage() throws Exception {
        awaitFormKnownToIntake(mdlPacForm);
        pushLeadId = submit(mdlPacForm, PUSH_PHONE, "Girard", "luc.girard@example.fr", "59100");
        awaitFresh(pushLeadId);
        String tomorrow = LocalDate.now(PARIS).plusDays(1).toString();
        api.awaitPlannable(rdz.url("delivery"), "MDL", tomorrow, pushLeadId);
        api.post(rdz.url("delivery") + "/admin/runs", Map.of("entity", "MDL", "date", tomorrow, "dry_run", false));
        // the CRM answers 503 to every attempt: the push ends as a dead letter
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(
                        api.get(rdz.url("crm-push") + "/admin/dead-letters?client_id=" + apiClientId + "&status=open")
                                .toString())
                .contains(pushLeadId));
        assertThat(crm.received()).isNotEmpty();

        browser.get(pages.url("/failures?client_id=" + apiClientId));
        WebElement row = browser.findElement(
                By.xpath("//table[@id='dead-letters']//tr[td/a[@href='/leads/" + pushLeadId + "']]"));
        assertThat(row.getText()).contains("Chaleur Directe").doesNotContain(PUSH_PHONE);
        assertThat(row.findElement(By.className("reason")).getText()).contains("503");
        shot("echecs");

        // the CRM is back: replayed from the page, the result is shown
        crm.answer(201);
        row.findElement(By.className("replay-one")).click();
        WebElement result = await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> browser.findElement(By.id("replay-result")), e -> e.isDisplayed());
        assertThat(result.getAttribute("class")).contains("ok");
        assertThat(result.getText()).contains("1 rejoué");
        assertThat(result.findElement(By.className("replay-result")).getText()).isNotBlank();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(crm.received().stream()
                        .filter(r -> r.body().contains(PUSH_PHONE.substring(1))
                                || r.body().contains(PUSH_PHONE))
                        .count())
                .isGreaterThan(1));
        shot("echecs-rejoue");
    }

    @Test
    @Order(3)
    void theDashboardShowsTheFiguresAndItsCharts() throws Exception {
        browser.get(pages.url("/?period=semaine"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Tableau de bord");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(((JavascriptExecutor) browser)
                        .executeScript("return document.querySelectorAll('canvas[data-chart]').length === 4 && "
                                + "Array.from(document.querySelectorAll('canvas[data-chart]')).every(c => !!c._chart)"))
                .isEqualTo(true));
        WebElement received =
                browser.findElement(By.xpath("//div[@class='kpi'][div[@class='label']='Reçus']/div[@class='value']"));
        assertThat(Long.parseLong(received.getText())).isGreaterThanOrEqualTo(2);
        assertThat(browser.findElement(By.id("detail-table")).getText()).contains("ZR7", "MDL");
        shot("tableau-de-bord");
    }

    @Test
    @Order(5)
    void aLeadIsFoundReadAsATimelineAndRejectedForItsClient() throws Exception {
        browser.get(pages.url("/leads"));
        browser.findElement(By.id("phone")).sendKeys(PHONE);
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(browser.findElements(By.cssSelector("#leads-table tbody tr")))
                        .hasSize(1));
        assertThat(browser.findElement(By.id("leads-table")).getText())
                .contains(PHONE, "Éloïse Martin", zr7Form, "Livré", "Solaire Pro");
        assertThat(browser.getCurrentUrl()).contains("phone=" + PHONE);
        shot("leads");

        browser.findElement(By.cssSelector("#leads-table tbody tr a[href^='/leads/']"))
                .click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(leadId);
        String timeline = browser.findElement(By.id("timeline")).getText();
        // routing's own words for each step (its history labels)
        assertThat(timeline)
                .contains(
                        "Reçu",
                        "Routé : éligible pour 1 commande",
                        "Planifié pour Solaire Pro (Fresh)",
                        "E-mail envoyé à Solaire Pro");
        assertThat(browser.findElement(By.linkText(zr7Form)).getAttribute("href"))
                .endsWith("/forms/" + zr7Form);
        assertThat(browser.findElement(By.linkText("Solaire Pro")).getAttribute("href"))
                .endsWith("/clients/" + clientId);

        // every field at once, in French, next to it: an empty reason is refused by the page
        browser.findElement(By.cssSelector("#reject-form button[type=submit]")).click();
        assertThat(await().atMost(Duration.ofSeconds(30))
                        .ignoreExceptions()
                        .until(
                                () -> browser.findElement(By.cssSelector("#reject-form .field.invalid .error")),
                                e -> e.isDisplayed())
                        .getText())
                .isEqualTo("Indiquez la raison du rejet.");
        new Select(browser.findElement(By.id("client_id"))).selectByVisibleText("Solaire Pro");
        browser.findElement(By.id("reason")).sendKeys("Numéro injoignable");
        browser.findElement(By.cssSelector("#reject-form button[type=submit]")).click();
        // the POST answers with a redirect to the lead's page: the click may return before that page is shown
        WebElement done = await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> browser.findElement(By.cssSelector(".alert.ok")), e -> e.isDisplayed());
        assertThat(done.getText()).isEqualTo("Le rejet est enregistré.");
        assertThat(browser.findElement(By.id("timeline")).getText())
                .contains("Rejeté par Solaire Pro : Numéro injoignable");
        // and why it is no longer delivered, in words
        assertThat(browser.findElement(By.id("why-not-delivered")).getText()).contains("Solaire Pro");
        assertThat(api.get(rdz.url("routing") + "/admin/leads/" + leadId)
                        .path("status")
                        .asText())
                .isEqualTo("rejected");
        shot("lead");
    }

    @Test
    @Order(6)
    void aViewerReadsButCannotWrite() {
        pages.logout();
        pages.login("viewer", "rdz-local-viewer");
        browser.get(pages.url("/leads/" + leadId));
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("Rejeté par Solaire Pro");
        assertThat(browser.findElements(By.id("reject-form"))).isEmpty();
        assertThat(browser.findElement(By.className("role")).getText()).isEqualTo("lecture seule");
        // even a hand-made request with the page's own CSRF token is refused, and nothing reaches routing
        Object status = ((JavascriptExecutor) browser)
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "const token = document.querySelector('input[name=_csrf]').value;"
                        + "fetch('/leads/" + leadId + "/reject', {method: 'POST', headers: {'Content-Type':"
                        + " 'application/x-www-form-urlencoded'}, body: 'reason=essai&_csrf=' +"
                        + " encodeURIComponent(token)}).then(r => done(r.status));");
        assertThat(((Number) status).intValue()).isEqualTo(403);
        assertThat(api.get(rdz.url("routing") + "/admin/leads/" + leadId)
                        .path("history")
                        .toString())
                .doesNotContain("essai");
    }

    @Test
    @Order(7)
    void aZr7OperatorNeverSeesMdlData() {
        pages.logout();
        pages.login("zr7", "rdz-local-zr7");
        assertThat(browser.findElements(By.id("entity-switch"))).isEmpty();
        assertThat(browser.findElement(By.className("entity-fixed")).getText()).isEqualTo("ZR7");

        browser.get(pages.url("/?period=30j&detail=entity"));
        assertThat(browser.findElement(By.id("detail-table")).getText())
                .contains("ZR7")
                .doesNotContain("MDL");
        assertThat(browser.findElement(By.id("client")).getText())
                .contains("Solaire Pro")
                .doesNotContain("Isolation Nord");

        browser.get(pages.url("/leads"));
        String leads = browser.findElement(By.id("leads-table")).getText();
        assertThat(leads).contains(PHONE).doesNotContain(MDL_PHONE).doesNotContain("MDL");
        browser.get(pages.url("/leads?phone=" + MDL_PHONE));
        assertThat(browser.findElement(By.id("leads-table")).getText()).doesNotContain(MDL_PHONE);
        browser.get(pages.url("/leads/" + mdlLeadId));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Introuvable");
        assertThat(browser.getPageSource()).doesNotContain(MDL_PHONE, "Lefebvre");

        // the admin, unscoped, sees the MDL lead
        pages.logout();
        pages.login("admin", "rdz-local-admin");
        browser.get(pages.url("/leads/" + mdlLeadId));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(mdlLeadId);
    }

    static void zr7() {
        new Select(browser.findElement(By.id("entity"))).selectByValue("ZR7");
    }

    static void shot(String name) throws Exception {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
