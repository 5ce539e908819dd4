package fr.rdz.intake.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.rdz.intake.IntakeIntegrationTest;
import fr.rdz.intake.inbound.mongo.QuarantineDocument;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** What the public endpoints do with bodies they cannot take, too many requests and foreign origins. */
class BadInputIT extends IntakeIntegrationTest {

    @Test
    void quarantinesABodyThatIsNotJsonAndAnswers400InFrench() {
        String marker = "pas-du-json-" + anIp();

        JsonNode answer = raw("/public/leads", MediaType.APPLICATION_JSON, "nom=Martin&phone=0612345678&" + marker)
                .expectStatus()
                .isBadRequest()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();

        assertThat(answer.path("success").asBoolean()).isFalse();
        assertThat(answer.path("message").asText()).startsWith("Requête invalide");
        assertThat(answer.toString()).doesNotContain("Exception").doesNotContain("at fr.rdz");
        QuarantineDocument kept = quarantined(marker);
        assertThat(kept.path()).isEqualTo("/public/leads");
        assertThat(kept.reason()).isEqualTo("not a JSON object");
        assertThat(kept.body()).contains("nom=Martin");
    }

    @Test
    void quarantinesJsonOfTheWrongShape() {
        String marker = "mauvaise-forme-" + anIp();

        raw("/public/leads", MediaType.APPLICATION_JSON, "{\"phone\": {\"x\": 1}, \"nom\": \"" + marker + "\"}")
                .expectStatus()
                .isBadRequest();
        raw("/public/leads", MediaType.APPLICATION_JSON, "[\"" + marker + "-array\"]")
                .expectStatus()
                .isBadRequest();

        assertThat(quarantined(marker).reason()).startsWith("wrong shape");
        assertThat(quarantined(marker + "-array").reason()).isEqualTo("not a JSON object");
    }

    @Test
    void quarantinesAnObjectThatNamesNeitherAFormNorAPhone() {
        String marker = "sans-lead-" + anIp();

        raw("/public/leads", MediaType.APPLICATION_JSON, "{\"foo\": \"" + marker + "\"}")
                .expectStatus()
                .isBadRequest();

        assertThat(quarantined(marker).reason()).isEqualTo("wrong shape: no lead fields");
    }

    @Test
    void capsWhatTheQuarantineKeeps() {
        String marker = "gros-" + anIp();
        String body = marker + "x".repeat(20_000);

        raw("/public/leads", MediaType.APPLICATION_JSON, body).expectStatus().isBadRequest();

        QuarantineDocument kept = quarantined(marker);
        assertThat(kept.truncated()).isTrue();
        assertThat(kept.size()).isEqualTo(body.length());
        assertThat(kept.body()).hasSize(8 * 1024);
    }

    @Test
    void refusesABodyOver64KiBWith413() {
        Map<String, Object> lead = aLead();
        lead.put("adresse", "x".repeat(70 * 1024));

        JsonNode answer = post("/public/leads", lead)
                .expectStatus()
                .isEqualTo(413)
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();

        assertThat(answer.path("success").asBoolean()).isFalse();
        assertThat(answer.path("message").asText()).startsWith("Requête trop volumineuse");
    }

    @Test
    void limitsEachIpAndTellsWhenToRetry() {
        String ip = anIp();
        List<EntityExchangeResult<byte[]>> answers = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            answers.add(web.post()
                    .uri("/public/track/event")
                    .header("X-Forwarded-For", ip)
                    .contentType(MediaType.TEXT_PLAIN)
                    .bodyValue("{\"session_id\":\"none\",\"event_type\":\"cta_click\"}")
                    .exchange()
                    .expectBody()
                    .returnResult());
        }

        List<EntityExchangeResult<byte[]>> limited =
                answers.stream().filter(a -> a.getStatus().value() == 429).toList();
        assertThat(limited).hasSizeGreaterThanOrEqualTo(5);
        assertThat(limited.get(0).getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                .isEqualTo("30");
        // another caller is not affected
        post("/public/track/event", Map.of("session_id", "none", "event_type", "cta_click"))
                .expectStatus()
                .isOk();
    }

    @Test
    void allowsOnlyConfiguredOrigins() {
        web.method(HttpMethod.OPTIONS)
                .uri("/public/leads")
                .header(HttpHeaders.ORIGIN, "https://solaire.example.fr")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "Content-Type")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://solaire.example.fr")
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");

        web.method(HttpMethod.OPTIONS)
                .uri("/public/leads")
                .header(HttpHeaders.ORIGIN, "https://evil.example.com")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec raw(
            String path, MediaType type, String body) {
        return web.post()
                .uri(path)
                .header("X-Forwarded-For", anIp())
                .contentType(type)
                .bodyValue(body)
                .exchange();
    }

    private QuarantineDocument quarantined(String marker) {
        QuarantineDocument kept = mongo.findOne(
                        Query.query(Criteria.where("body").regex(java.util.regex.Pattern.quote(marker))),
                        QuarantineDocument.class)
                .block(Duration.ofSeconds(10));
        assertThat(kept).as("quarantined body containing %s", marker).isNotNull();
        return kept;
    }
}
