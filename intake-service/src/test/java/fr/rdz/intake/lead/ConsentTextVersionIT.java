package fr.rdz.intake.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import fr.rdz.events.Entity;
import fr.rdz.events.LeadReceived;
import fr.rdz.events.Product;
import fr.rdz.intake.IntakeIntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** {@code consent_text_version} on {@code POST /public/leads} (spec §11): the lead's, else its form's. */
class ConsentTextVersionIT extends IntakeIntegrationTest {

    static final String FORM_WITH_TEXT = "PAC-0716";

    @BeforeEach
    void aFormNamingAConsentText() {
        feed().form(FORM_WITH_TEXT, Entity.ZR7, Product.PAC, null, "CT-016");
        await().atMost(Duration.ofSeconds(30)).until(() -> catalog.form(FORM_WITH_TEXT)
                .map(f -> "CT-016".equals(f.consentTextVersion()))
                .orElse(false));
    }

    @Test
    void aLeadWithoutAVersionCarriesItsFormsText() {
        Map<String, Object> body = aLead();
        body.put("form_code", FORM_WITH_TEXT);
        assertThat(published(submit(body)).lead().consent().consentTextVersion())
                .isEqualTo("CT-016");
    }

    @Test
    void aVersionSentByThePageIsStoredAsIsEvenWhenNoCatalogKnowsIt() {
        Map<String, Object> body = aLead();
        body.put("form_code", FORM_WITH_TEXT);
        body.put("consent_text_version", "CT-UNKNOWN-9");
        LeadReceived received = published(submit(body));
        assertThat(received.lead().consent().consentTextVersion()).isEqualTo("CT-UNKNOWN-9");
        assertThat(received.status().name()).isEqualTo("PENDING");
    }

    private String submit(Map<String, Object> body) {
        JsonNode answer = post("/public/leads", body)
                .expectStatus()
                .isEqualTo(HttpStatus.CREATED)
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        return answer.path("lead_id").asText();
    }

    private static LeadReceived published(String leadId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !events().forLead(leadId).isEmpty());
        return events().forLead(leadId).get(0).envelope().payload();
    }
}
