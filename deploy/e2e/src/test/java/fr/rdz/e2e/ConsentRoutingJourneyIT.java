package fr.rdz.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
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
 * Consent-aware routing through the real path (issue 16): a form whose consent text names client A
 * only, two commandes (A and B) matching the lead; the lead posted to intake is routed and planned
 * by delivery's run to A, never to B, and the lead's history says why B did not get it.
 */
class ConsentRoutingJourneyIT {

    static final Path WORK = Path.of("target", "e2e-consent");
    static final AdminApi api = new AdminApi();

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
        String leadId = api.post(rdz.url("intake") + "/public/leads", lead)
                .path("lead_id")
                .asText();

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
