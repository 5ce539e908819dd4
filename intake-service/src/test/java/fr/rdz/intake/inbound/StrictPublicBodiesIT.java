package fr.rdz.intake.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import fr.rdz.intake.IntakeIntegrationTest;
import fr.rdz.intake.inbound.mongo.QuarantineDocument;
import fr.rdz.intake.lead.mongo.LeadDocument;
import fr.rdz.intake.support.LeadEvents;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 13 §10 through HTTP → Mongo → broker: trailing garbage, a non-JSON media type, oversized
 * fields and a number as consent are refused (problem details listing every invalid field, French
 * text) and the body is quarantined; a bad e-mail is stored with a warning and kept out of the event.
 */
class StrictPublicBodiesIT extends IntakeIntegrationTest {

    @BeforeEach
    void catalogKnowsTheForm() {
        knownForm();
    }

    @Test
    void refusesTrailingGarbageAfterTheObject() {
        String phone = randomMobile();
        String body = "{\"form_code\":\"" + FORM + "\",\"phone\":\"" + phone + "\",\"nom\":\"Martin\"}}}";

        JsonNode answer = raw(MediaType.APPLICATION_JSON, body)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();

        assertThat(answer.path("status").asInt()).isEqualTo(400);
        assertThat(answer.path("success").asBoolean()).isFalse();
        assertThat(answer.path("detail").asText()).startsWith("Requête invalide");
        assertThat(quarantined(phone).reason()).startsWith("wrong shape");
        assertThat(leadsOf(phone)).isEmpty();
    }

    @Test
    void refusesALeadThatIsNotSentAsJsonWith415AndKeepsIt() {
        String phone = randomMobile();
        String json = "{\"form_code\":\"" + FORM + "\",\"phone\":\"" + phone + "\",\"nom\":\"Martin\"}";

        JsonNode answer = raw(MediaType.TEXT_PLAIN, json)
                .expectStatus()
                .isEqualTo(415)
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        web.post()
                .uri("/public/leads")
                .header("X-Forwarded-For", anIp())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .bodyValue("phone=" + phone + "2")
                .exchange()
                .expectStatus()
                .isEqualTo(415);

        assertThat(answer.path("error").asText()).isEqualTo("unsupported_media_type");
        assertThat(answer.path("message").asText()).startsWith("Type de contenu non pris en charge");
        assertThat(quarantined(phone).reason()).isEqualTo("unsupported media type: text/plain");
        assertThat(quarantined(phone + "2").reason())
                .startsWith("unsupported media type: application/x-www-form-urlencoded");
        assertThat(leadsOf(phone)).isEmpty();
    }

    @Test
    void listsEveryOversizedOrMistypedFieldAtOnce() {
        Map<String, Object> lead = aLead();
        String phone = (String) lead.get("phone");
        lead.put("nom", "N".repeat(10_000));
        lead.put("email", "e".repeat(10_000) + "@example.fr");
        lead.put("rgpd_consent", 612345678);
        lead.put("newsletter", "oui");

        JsonNode answer = post("/public/leads", lead)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();

        assertThat(answer.path("type").asText()).isEqualTo("urn:rdz:problem:invalid_fields");
        assertThat(answer.path("title").asText()).isEqualTo("Bad Request");
        assertThat(answer.path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("nom", "email", "rgpd_consent", "newsletter");
        assertThat(answer.path("errors").findValuesAsText("message"))
                .contains("ne doit pas dépasser 100 caractères", "doit valoir true ou false");
        assertThat(answer.path("detail").asText()).contains("nom", "email", "rgpd_consent", "newsletter");
        QuarantineDocument kept = quarantined(phone);
        assertThat(kept.reason()).isEqualTo("wrong shape: invalid fields nom, email, rgpd_consent, newsletter");
        assertThat(leadsOf(phone)).isEmpty();
    }

    @Test
    void storesALeadWithABadEmailWithAWarningAndKeepsTheAddressOutOfTheEvent() {
        for (String email : List.of("martin@example.fr\r\nBcc: tous@example.com", "<script>alert(1)</script>")) {
            Map<String, Object> lead = aLead();
            lead.put("email", email);

            JsonNode answer = post("/public/leads", lead)
                    .expectStatus()
                    .isCreated()
                    .expectBody(JsonNode.class)
                    .returnResult()
                    .getResponseBody();

            assertThat(answer.path("status").asText()).isEqualTo("pending");
            assertThat(answer.path("warning").asText()).isEqualTo("EMAIL_INVALID");
            assertThat(answer.path("message").asText()).isEqualTo("Lead enregistré - E-mail invalide");
            String leadId = answer.path("lead_id").asText();
            LeadDocument stored = mongo.findById(leadId, LeadDocument.class).block(Duration.ofSeconds(10));
            assertThat(stored.warnings()).containsExactly("EMAIL_INVALID");
            assertThat(stored.invalidEmail()).isEqualTo(email);
            assertThat(stored.received().lead().contact().email()).isNull();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !events().forLead(leadId).isEmpty());
            LeadEvents.Read event = events().forLead(leadId).get(0);
            assertThat(event.envelope().payload().lead().contact().email()).isNull();
        }
        Map<String, Object> fine = aLead();
        fine.put("email", "jean-luc.o'neil+rdz@mairie.paris.fr");
        fine.put("rgpd_consent", "true"); // a form field's value: still a boolean
        JsonNode answer = post("/public/leads", fine)
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(answer.has("warning")).isFalse();
    }

    @Test
    void boundsTheFieldsOfALenientBeaconToo() {
        String marker = "beacon-" + randomMobile();
        String body = "{\"session_id\":\"" + marker + "\",\"utm_source\":\"" + "u".repeat(10_000) + "\",\"referrer\":\""
                + "r".repeat(3_000) + "\"}";

        JsonNode answer = web.post()
                .uri("/public/track/lp-visit")
                .header("X-Forwarded-For", anIp())
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();

        assertThat(answer.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("utm_source", "referrer");
        assertThat(quarantined(marker).reason()).isEqualTo("wrong shape: invalid fields referrer, utm_source");
    }

    private List<LeadDocument> leadsOf(String phone) {
        return mongo.find(Query.query(Criteria.where("phone").is(phone)), LeadDocument.class)
                .collectList()
                .block(Duration.ofSeconds(10));
    }

    private WebTestClient.ResponseSpec raw(MediaType type, String body) {
        return web.post()
                .uri("/public/leads")
                .header("X-Forwarded-For", anIp())
                .contentType(type)
                .bodyValue(body)
                .exchange();
    }

    private QuarantineDocument quarantined(String marker) {
        QuarantineDocument kept = mongo.findOne(
                        Query.query(Criteria.where("body").regex(Pattern.quote(marker))), QuarantineDocument.class)
                .block(Duration.ofSeconds(10));
        assertThat(kept).as("quarantined body containing %s", marker).isNotNull();
        return kept;
    }
}
