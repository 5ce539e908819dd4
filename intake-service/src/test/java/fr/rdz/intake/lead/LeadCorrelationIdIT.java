package fr.rdz.intake.lead;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import fr.rdz.intake.IntakeIntegrationTest;
import fr.rdz.intake.lead.application.ReceivingLead;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Issue #14: a lead posted on {@code POST /public/leads} is logged with its id as {@code
 * correlation_id} (the MDC key the consumers of every service use), so that the JSON logs follow it
 * from the HTTP request on; its phone only masked.
 */
class LeadCorrelationIdIT extends IntakeIntegrationTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(ReceivingLead.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Level level;

    @BeforeEach
    void captureTheLogOfReceivingLead() {
        level = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
        logger.setLevel(level);
    }

    @Test
    void theStoredLeadIsLoggedWithItsIdAsCorrelationId() {
        var body = aLead();
        JsonNode answer = post("/public/leads", body)
                .expectStatus()
                .isEqualTo(HttpStatus.CREATED)
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        String leadId = answer.path("lead_id").asText();
        assertThat(leadId).isNotBlank();

        List<ILoggingEvent> stored = appender.list.stream()
                .filter(e -> e.getFormattedMessage().startsWith("Lead " + leadId + " stored"))
                .toList();
        assertThat(stored).singleElement().satisfies(e -> {
            assertThat(e.getMDCPropertyMap()).containsEntry("correlation_id", leadId);
            assertThat(e.getMDCPropertyMap()).containsEntry("lead_id", leadId);
            assertThat(e.getFormattedMessage()).doesNotContain(String.valueOf(body.get("phone")));
        });
    }
}
