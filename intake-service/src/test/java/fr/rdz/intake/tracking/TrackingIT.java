package fr.rdz.intake.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import fr.rdz.events.Entity;
import fr.rdz.events.Product;
import fr.rdz.intake.IntakeIntegrationTest;
import fr.rdz.intake.tracking.mongo.VisitorSessionDocument;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** The landing-page tracking calls of seed 000, through HTTP and Mongo. */
class TrackingIT extends IntakeIntegrationTest {

    @BeforeEach
    void catalogKnowsTheLp() {
        knownForm();
    }

    @Test
    void givesANewVisitorAOneYearHttpOnlyLaxCookieAndResolvesTheFormOfTheLp() {
        EntityExchangeResult<JsonNode> result = session(null, Map.of("lp_code", LP));

        ResponseCookie cookie = result.getResponseCookies().getFirst("_rdz_vid");
        assertThat(cookie).isNotNull();
        assertThat(cookie.getMaxAge()).isEqualTo(Duration.ofDays(365));
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Lax");
        JsonNode answer = result.getResponseBody();
        assertThat(answer.path("success").asBoolean()).isTrue();
        assertThat(answer.path("visitor_id").asText()).isEqualTo(cookie.getValue());
        assertThat(answer.path("lp_code").asText()).isEqualTo(LP);
        assertThat(answer.path("form_code").asText()).isEqualTo(FORM);
        assertThat(answer.has("reused")).isFalse();
        VisitorSessionDocument stored = mongo.findById(answer.path("session_id").asText(), VisitorSessionDocument.class)
                .block();
        assertThat(stored.liaisonCode()).isEqualTo(LP + "_" + FORM);
    }

    @Test
    void resolvesTheFormCreatedWithTheLpCodeWhenTheLpNamesNoForm() {
        String lp = "LP-IT-LINKED";
        String form = "PV-IT-LINKED";
        feed().lp(lp, Entity.ZR7, null);
        feed().form(form, Entity.ZR7, Product.PV, lp);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> catalog.form(form).isPresent() && catalog.lp(lp).isPresent());

        JsonNode answer = session(null, Map.of("lp_code", lp)).getResponseBody();

        assertThat(answer.path("form_code").asText()).isEqualTo(form);
        VisitorSessionDocument stored = mongo.findById(answer.path("session_id").asText(), VisitorSessionDocument.class)
                .block();
        assertThat(stored.formCode()).isEqualTo(form);
        assertThat(stored.liaisonCode()).isEqualTo(lp + "_" + form);
    }

    @Test
    void reusesTheSessionOfTheSameVisitorOnTheSameLpWithinThirtyMinutes() {
        EntityExchangeResult<JsonNode> first = session(null, Map.of("lp_code", LP));
        String visitor = first.getResponseCookies().getFirst("_rdz_vid").getValue();
        String sessionId = first.getResponseBody().path("session_id").asText();

        EntityExchangeResult<JsonNode> again = session(visitor, Map.of("lp_code", LP));
        assertThat(again.getResponseBody().path("session_id").asText()).isEqualTo(sessionId);
        assertThat(again.getResponseBody().path("reused").asBoolean()).isTrue();
        assertThat(again.getResponseCookies().getFirst("_rdz_vid")).isNull();

        clock.advance(Duration.ofMinutes(31));
        EntityExchangeResult<JsonNode> later = session(visitor, Map.of("lp_code", LP));
        assertThat(later.getResponseBody().path("session_id").asText()).isNotEqualTo(sessionId);
        assertThat(later.getResponseBody().has("reused")).isFalse();
    }

    @Test
    void recordsTheLpVisitOncePerSessionAndKeepsTheFirstTouch() {
        String sessionId = session(null, Map.of("lp_code", LP, "utm_source", "google"))
                .getResponseBody()
                .path("session_id")
                .asText();

        JsonNode visit = beacon(
                "/public/track/lp-visit",
                "{\"session_id\":\"" + sessionId
                        + "\",\"utm_source\":\"bing\",\"utm_campaign\":\"printemps\",\"fbclid\":\"fb-1\"}");
        JsonNode repeat = beacon("/public/track/lp-visit", "{\"session_id\":\"" + sessionId + "\",\"utm_term\":\"x\"}");

        assertThat(visit.path("success").asBoolean()).isTrue();
        assertThat(visit.has("duplicate")).isFalse();
        assertThat(repeat.path("duplicate").asBoolean()).isTrue();
        assertThat(repeat.path("event_id").asText())
                .isEqualTo(visit.path("event_id").asText());
        VisitorSessionDocument stored =
                mongo.findById(sessionId, VisitorSessionDocument.class).block();
        assertThat(stored.utmSource()).isEqualTo("google");
        assertThat(stored.utmCampaign()).isEqualTo("printemps");
        assertThat(stored.fbclid()).isEqualTo("fb-1");
        assertThat(stored.utmTerm()).isEmpty();
    }

    @Test
    void recordsFunnelStepsOncePerSessionAndOtherEventsEveryTime() {
        String sessionId = session(null, Map.of("lp_code", LP))
                .getResponseBody()
                .path("session_id")
                .asText();
        String click = "{\"session_id\":\"" + sessionId + "\",\"event_type\":\"cta_click\"}";
        String scroll = "{\"session_id\":\"" + sessionId + "\",\"event_type\":\"scroll\"}";

        JsonNode firstClick = beacon("/public/track/event", click);
        JsonNode secondClick = beacon("/public/track/event", click);
        JsonNode firstScroll = beacon("/public/track/event", scroll);
        JsonNode secondScroll = beacon("/public/track/event", scroll);

        assertThat(secondClick.path("duplicate").asBoolean()).isTrue();
        assertThat(secondClick.path("event_id").asText())
                .isEqualTo(firstClick.path("event_id").asText());
        assertThat(firstScroll.has("duplicate")).isFalse();
        assertThat(secondScroll.has("duplicate")).isFalse();
        assertThat(secondScroll.path("event_id").asText())
                .isNotEqualTo(firstScroll.path("event_id").asText());
    }

    @Test
    void answersTheSeedsErrorsForAMissingOrUnknownSession() {
        assertThat(beacon("/public/track/event", "{\"event_type\":\"cta_click\"}")
                        .path("error")
                        .asText())
                .isEqualTo("session_id et event_type requis");
        assertThat(beacon("/public/track/lp-visit", "pas du json").path("error").asText())
                .isEqualTo("session_id requis");
        JsonNode unknown = beacon("/public/track/lp-visit", "{\"session_id\":\"inconnue\"}");
        assertThat(unknown.path("success").asBoolean()).isFalse();
        assertThat(unknown.path("error").asText()).isEqualTo("Session invalide");
    }

    private EntityExchangeResult<JsonNode> session(String visitor, Map<String, Object> body) {
        return web.post()
                .uri("/public/track/session")
                .header("X-Forwarded-For", anIp())
                .headers(h -> {
                    if (visitor != null) {
                        h.add(HttpHeaders.COOKIE, "_rdz_vid=" + visitor);
                    }
                })
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue(toJson(body))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult();
    }

    private JsonNode beacon(String path, String body) {
        return web.post()
                .uri(path)
                .header("X-Forwarded-For", anIp())
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    private static String toJson(Map<String, Object> body) {
        try {
            return fr.rdz.events.EventCodec.mapper().writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
