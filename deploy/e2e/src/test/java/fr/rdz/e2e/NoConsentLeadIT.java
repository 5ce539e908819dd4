package fr.rdz.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Spec §11: a lead submitted with {@code "rgpd_consent": false} is stored and counted, never
 * delivered, and its history says why. Through the real path: intake, routing and delivery run
 * from their exec jars on the embedded stack; the catalog is made through routing's admin API
 * (a commande that takes every PV lead of ZR7 anywhere); two leads are submitted to {@code POST
 * /public/leads}, one with consent and one without; delivery's run takes the first and never the
 * second, which routing shows as {@code no_consent} (detail, history, search, figures).
 */
class NoConsentLeadIT {

    static final Path WORK = Path.of("target", "e2e-no-consent");
    static final ObjectMapper JSON = new ObjectMapper();
    static final AdminApi api = new AdminApi();

    static RdzProcesses rdz;
    static MongoClient mongo;
    static String formCode;
    static String clientId;

    @BeforeAll
    static void startRdz() throws Exception {
        IntakeKillNineIT.deleteRecursively(WORK);
        rdz = RdzProcesses.start(WORK, "http://localhost:3000", List.of("intake", "routing", "delivery"), List.of());
        mongo = MongoClients.create(rdz.stack().mongo().uri(""));
        rdz.awaitHealthy(Duration.ofMinutes(4));

        String routing = rdz.url("routing");
        String lpCode = api.post(
                        routing + "/admin/lps",
                        Map.of("entity", "ZR7", "name", "Consentement", "url", "https://lp.example.fr/consent"))
                .path("code")
                .asText();
        formCode = api.post(
                        routing + "/admin/forms",
                        Map.of("entity", "ZR7", "product", "PV", "name", "Consentement", "lp_code", lpCode))
                .path("code")
                .asText();
        clientId = api.post(
                        routing + "/admin/clients",
                        Map.of(
                                "entity", "ZR7",
                                "name", "Solaire Consentement",
                                "emails", List.of("leads@solaire-consentement.example.fr"),
                                "delivery_channel", "email"))
                .path("id")
                .asText();
        api.post(
                routing + "/admin/commandes",
                Map.of(
                        "entity",
                        "ZR7",
                        "client_id",
                        clientId,
                        "product",
                        "PV",
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
                        LocalDate.now(ZoneId.of("Europe/Paris")).minusDays(1).toString()));
        await("intake knows form " + formCode)
                .atMost(Duration.ofSeconds(60))
                .until(() -> mongo.getDatabase("rdz_intake")
                                .getCollection("forms")
                                .countDocuments(Filters.eq("_id", formCode))
                        == 1);
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
    void aLeadWithoutConsentIsStoredAndCountedButNeverDelivered() throws Exception {
        int base = 30_000_000 + ThreadLocalRandom.current().nextInt(40_000_000);
        String consenting = submit(String.format("06%08d", base), true);
        String refusing = submit(String.format("06%08d", base + 1), false);

        // delivery has both leads in its pool (routing decided for both) before the run
        await("delivery received both routing decisions")
                .atMost(Duration.ofSeconds(60))
                .until(() -> mongo.getDatabase("rdz_delivery")
                                .getCollection("pool_leads")
                                .countDocuments(Filters.in("_id", consenting, refusing))
                        == 2);

        // the run of date D sees the leads received before D 09:30 Paris: tomorrow's run takes today's leads
        String tomorrow = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(1).toString();
        // the pool is not all the run reads (the commande and client snapshots): launch once a dry run plans it
        api.awaitPlannable(rdz.url("delivery"), "ZR7", tomorrow, consenting);
        JsonNode run = api.post(
                rdz.url("delivery") + "/admin/runs", Map.of("entity", "ZR7", "date", tomorrow, "dry_run", false));
        List<String> delivered = new ArrayList<>();
        run.path("batches").forEach(batch -> batch.path("lead_ids").forEach(id -> delivered.add(id.asText())));
        assertThat(delivered)
                .as("leads of the run's batches (%s)", run)
                .contains(consenting)
                .doesNotContain(refusing);

        // routing: stored, a distinct state with its reason in the history, searchable, counted
        String routing = rdz.url("routing");
        JsonNode lead = api.get(routing + "/admin/leads/" + refusing);
        assertThat(lead.path("status").asText()).as("status of %s", lead).isEqualTo("no_consent");
        assertThat(lead.toString()).contains("no_consent: rgpd_consent false");
        List<JsonNode> routed = new ArrayList<>();
        lead.path("history").forEach(entry -> {
            if ("routed".equals(entry.path("type").asText())) {
                routed.add(entry);
            }
        });
        assertThat(routed).as("history of %s", lead).singleElement().satisfies(entry -> {
            assertThat(entry.path("state").asText()).isEqualTo("no_consent");
            assertThat(entry.path("reason").asText()).isEqualTo("no_consent: rgpd_consent false");
        });
        assertThat(api.get(routing + "/admin/leads/" + consenting)
                        .path("status")
                        .asText())
                .isIn("fresh", "delivered");

        JsonNode found = api.get(routing + "/admin/leads?status=no_consent&entity=ZR7");
        List<String> foundIds = new ArrayList<>();
        found.forEach(l -> foundIds.add(l.path("id").asText(l.path("lead_id").asText())));
        assertThat(foundIds)
                .as("search status=no_consent (%s)", found)
                .contains(refusing)
                .doesNotContain(consenting);

        await("no_consent counted in the figures")
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> {
                    JsonNode stats = api.get(routing + "/admin/stats?entity=ZR7");
                    assertThat(stats.path("totals").path("no_consent").asLong())
                            .as("stats %s", stats)
                            .isEqualTo(1);
                    assertThat(stats.path("totals").path("received").asLong()).isEqualTo(2);
                });
    }

    /** Submits one lead as a landing page does; answers its lead id (201: stored). */
    static String submit(String phone, boolean consent) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("session_id", UUID.randomUUID().toString());
        body.put("form_code", formCode);
        body.put("phone", phone);
        body.put("nom", "Consent");
        body.put("prenom", consent ? "Oui" : "Non");
        body.put("code_postal", "69003");
        body.put("rgpd_consent", consent);
        body.put("consent_text", "J'accepte d'être recontacté(e) par téléphone.");
        body.put("page_url", "https://lp.example.fr/consent/form");
        JsonNode created = PublicLeads.submit(rdz.url("intake"), body);
        assertThat(created.path("status").asText()).as(created.toString()).isEqualTo("pending");
        return created.path("lead_id").asText();
    }
}
