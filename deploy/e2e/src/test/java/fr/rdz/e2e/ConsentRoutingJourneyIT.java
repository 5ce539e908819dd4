package fr.rdz.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Consent through the real path (issue 16). Consent-aware routing: a form whose consent text names
 * client A only, two commandes (A and B) matching the lead; the lead posted to intake is routed and
 * planned by delivery's run to A, never to B, and the lead's history says why B did not get it.
 * Proof and withdrawal (the other entity, MDL: its own runs, so the two journeys never meet): a lead's proof pack
 * downloads byte-identical (admin route and signed link); once the person withdraws their consent
 * on routing's public opposition endpoint, delivery's runs never take their lead again (another
 * person's lead still goes), a later lead of theirs is never eligible, and
 * {@code why_not_delivered} says why.
 */
class ConsentRoutingJourneyIT {

    static final Path WORK = Path.of("target", "e2e-consent");
    static final AdminApi api = new AdminApi();
    static final HttpClient http = HttpClient.newHttpClient();

    static RdzProcesses rdz;
    static MongoClient mongo;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(WORK);
        rdz = RdzProcesses.start(WORK, "http://localhost", List.of("intake", "routing", "delivery"), List.of());
        mongo = MongoClients.create(rdz.stack().mongo().uri(""));
        rdz.awaitHealthy(Duration.ofMinutes(4));
    }

    @AfterAll
    static void stop() {
        if (mongo != null) {
            mongo.close();
        }
        if (rdz != null) {
            rdz.close();
        }
    }

    @Test
    void aLeadGoesOnlyToTheClientItsConsentTextNames() {
        String routing = rdz.url("routing");
        String clientA = client(routing, "Isolation A");
        String clientB = client(routing, "Isolation B");
        // B is served first (priority 1): only the consent rule keeps the lead from it
        String commandeA = commande(routing, clientA, 2);
        String commandeB = commande(routing, clientB, 1);
        JsonNode text = api.post(
                routing + "/admin/consent-texts",
                Map.of(
                        "entity", "ZR7",
                        "wording",
                                "J'accepte d'être recontacté(e) par téléphone par Isolation A au sujet de mon projet.",
                        "partner_client_ids", List.of(clientA)));
        String version = text.path("version").asText();
        String formCode = api.post(
                        routing + "/admin/forms",
                        Map.of(
                                "entity",
                                "ZR7",
                                "product",
                                "ITE",
                                "name",
                                "ITE consentement",
                                "consent_text_version",
                                version))
                .path("code")
                .asText();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(mongo.getDatabase("rdz_intake")
                        .getCollection("forms")
                        .countDocuments(
                                Filters.and(Filters.eq("_id", formCode), Filters.eq("consentTextVersion", version))))
                .isEqualTo(1));

        // no consent_text_version in the body: intake takes the form's
        Map<String, Object> lead = new HashMap<>();
        lead.put("form_code", formCode);
        lead.put("phone", "06 47 38 29 15");
        lead.put("nom", "Lefèvre");
        lead.put("prenom", "Anaïs");
        lead.put("code_postal", "69003");
        lead.put("rgpd_consent", true);
        lead.put("page_url", "https://ite.example.fr/formulaire");
        String leadId =
                PublicLeads.submit(rdz.url("intake"), lead).path("lead_id").asText();

        JsonNode detail = await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(
                        () -> api.get(routing + "/admin/leads/" + leadId),
                        d -> d.path("history").toString().contains("not_eligible"));
        assertThat(detail.path("lead")
                        .path("consent")
                        .path("consent_text_version")
                        .asText())
                .isEqualTo(version);
        List<JsonNode> notEligible = new ArrayList<>();
        detail.path("history").forEach(h -> {
            if ("not_eligible".equals(h.path("type").asText())) {
                notEligible.add(h);
            }
        });
        assertThat(notEligible).singleElement().satisfies(h -> {
            assertThat(h.path("commande_id").asText()).isEqualTo(commandeB);
            assertThat(h.path("reason").asText()).contains("not_covered_by_consent", "hors consentement");
        });

        // the run of tomorrow takes today's lead: to A; B's batch never holds it
        String tomorrow = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(1).toString();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(leadsOf(
                        api.post(
                                rdz.url("delivery") + "/admin/runs",
                                Map.of("entity", "ZR7", "date", tomorrow, "dry_run", true)),
                        commandeA))
                .contains(leadId));
        JsonNode run = api.post(
                rdz.url("delivery") + "/admin/runs", Map.of("entity", "ZR7", "date", tomorrow, "dry_run", false));
        assertThat(leadsOf(run, commandeA)).contains(leadId);
        assertThat(leadsOf(run, commandeB)).doesNotContain(leadId);
        assertThat(run.path("batches").toString()).contains(commandeB);
    }

    @Test
    void aWithdrawalStopsEveryFurtherDeliveryOfThatPerson() throws Exception {
        String routing = rdz.url("routing");
        String client = api.post(
                        routing + "/admin/clients",
                        Map.of(
                                "entity",
                                "MDL",
                                "name",
                                "Isolation Retrait",
                                "emails",
                                List.of("leads@isolation-retrait.example.fr"),
                                "delivery_channel",
                                "email"))
                .path("id")
                .asText();
        String commande = api.post(
                        routing + "/admin/commandes",
                        Map.of(
                                "entity",
                                "MDL",
                                "client_id",
                                client,
                                "product",
                                "PAC",
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
                                LocalDate.now(ZoneId.of("Europe/Paris"))
                                        .minusDays(1)
                                        .toString()))
                .path("id")
                .asText();
        String formCode = api.post(
                        routing + "/admin/forms", Map.of("entity", "MDL", "product", "PAC", "name", "PAC retrait"))
                .path("code")
                .asText();
        // intake knows the form (catalog topic) before the leads are posted
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(mongo.getDatabase("rdz_intake")
                        .getCollection("forms")
                        .countDocuments(Filters.eq("_id", formCode)))
                .isEqualTo(1));

        String withdrawing = postLead(formCode, "06 58 41 27 93", "Camille.Roux@example.fr");
        String other = postLead(formCode, "06 58 41 27 94", "jules.petit@example.fr");
        awaitStatus(withdrawing, "fresh");
        awaitStatus(other, "fresh");

        // the proof pack through the real routing: byte-identical downloads, and through its signed link
        byte[] pdf = bytes(routing + "/admin/leads/" + withdrawing + "/consent-proof.pdf", true);
        assertThat(bytes(routing + "/admin/leads/" + withdrawing + "/consent-proof.pdf", true))
                .isEqualTo(pdf);
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        byte[] json = bytes(routing + "/admin/leads/" + withdrawing + "/consent-proof", true);
        JsonNode link = api.get(routing + "/admin/leads/" + withdrawing + "/consent-proof-link");
        URI url = URI.create(link.path("consent_proof_url").asText());
        assertThat(bytes(routing + url.getRawPath() + "?" + url.getRawQuery(), false))
                .isEqualTo(json);

        String tomorrow = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(1).toString();
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(dryRun(tomorrow, commande)).contains(withdrawing, other));

        JsonNode answer = api.post(
                routing + "/public/opposition", Map.of("phone", "0658412793", "email", "camille.roux@example.fr"));
        assertThat(answer.path("status").asText()).isEqualTo("recorded");

        // delivery's pool lets the withdrawn lead go: the runs take the other person's lead only
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() ->
                        assertThat(dryRun(tomorrow, commande)).contains(other).doesNotContain(withdrawing));
        JsonNode run = api.post(
                rdz.url("delivery") + "/admin/runs", Map.of("entity", "MDL", "date", tomorrow, "dry_run", false));
        assertThat(leadsOf(run, commande)).contains(other).doesNotContain(withdrawing);
        assertThat(api.get(routing + "/admin/leads/" + withdrawing)
                        .path("why_not_delivered")
                        .path("code")
                        .asText())
                .isEqualTo("consent_withdrawn");

        // a later lead of the same person is stored, never eligible
        String later = postLead(formCode, "+33 6 58 41 27 93", "camille.roux@example.fr");
        JsonNode laterDetail = awaitStatus(later, "no_consent");
        assertThat(laterDetail.path("why_not_delivered").path("code").asText()).isEqualTo("consent_withdrawn");
        assertThat(dryRun(LocalDate.parse(tomorrow).plusDays(1).toString(), commande))
                .doesNotContain(withdrawing, later);
        JsonNode pack = api.get(routing + "/admin/leads/" + withdrawing + "/consent-proof");
        assertThat(pack.path("withdrawn_at").isMissingNode()).isFalse();
    }

    private static String postLead(String formCode, String phone, String email) {
        Map<String, Object> lead = new HashMap<>();
        lead.put("form_code", formCode);
        lead.put("phone", phone);
        lead.put("email", email);
        lead.put("nom", "Roux");
        lead.put("prenom", "Camille");
        lead.put("code_postal", "31000");
        lead.put("rgpd_consent", true);
        lead.put("page_url", "https://pac.example.fr/formulaire");
        return PublicLeads.submit(rdz.url("intake"), lead).path("lead_id").asText();
    }

    private static JsonNode awaitStatus(String leadId, String status) {
        return await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(
                        () -> api.get(rdz.url("routing") + "/admin/leads/" + leadId),
                        d -> status.equals(d.path("status").asText()));
    }

    private static List<String> dryRun(String date, String commande) {
        return leadsOf(
                api.post(rdz.url("delivery") + "/admin/runs", Map.of("entity", "MDL", "date", date, "dry_run", true)),
                commande);
    }

    private static byte[] bytes(String url, boolean admin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (admin) {
            request.header(
                    "Authorization",
                    "Basic " + java.util.Base64.getEncoder().encodeToString("admin:rdz-local-admin".getBytes()));
        }
        HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).as(url).isEqualTo(200);
        return answer.body();
    }

    private static List<String> leadsOf(JsonNode run, String commandeId) {
        List<String> ids = new ArrayList<>();
        run.path("batches").forEach(b -> {
            if (commandeId.equals(b.path("commande_id").asText())) {
                b.path("lead_ids").forEach(id -> ids.add(id.asText()));
            }
        });
        return ids;
    }

    private static String client(String routing, String name) {
        return api.post(
                        routing + "/admin/clients",
                        Map.of(
                                "entity",
                                "ZR7",
                                "name",
                                name,
                                "emails",
                                List.of("leads@" + name.replace(' ', '-').toLowerCase() + ".example.fr"),
                                "delivery_channel",
                                "email"))
                .path("id")
                .asText();
    }

    private static String commande(String routing, String clientId, int priority) {
        return api.post(
                        routing + "/admin/commandes",
                        Map.of(
                                "entity",
                                "ZR7",
                                "client_id",
                                clientId,
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
                                priority,
                                "starts_on",
                                LocalDate.now(ZoneId.of("Europe/Paris"))
                                        .minusDays(1)
                                        .toString()))
                .path("id")
                .asText();
    }
}
