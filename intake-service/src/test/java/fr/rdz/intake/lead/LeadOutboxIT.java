package fr.rdz.intake.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import fr.rdz.events.LeadStatus;
import fr.rdz.intake.IntakeIntegrationTest;
import fr.rdz.intake.lead.application.LeadOutbox;
import fr.rdz.intake.lead.mongo.LeadDocument;
import fr.rdz.intake.lead.mongo.OutboxEntryDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;

/**
 * The outbox collection through the real path (HTTP → Mongo → relay → broker): an entry lives only
 * while its lead is unpublished, and a lead that a crashed instance left stored and queued but
 * unpublished is published by the running relay's sweep.
 */
class LeadOutboxIT extends IntakeIntegrationTest {

    @BeforeEach
    void catalog() {
        knownForm();
    }

    @Test
    void aPublishedLeadLeavesNoOutboxEntryAndADoubleSubmitNeverKeepsOne() {
        Map<String, Object> body = aLead();
        String leadId = submit(body, HttpStatus.CREATED).path("lead_id").asText();
        submit(body, HttpStatus.OK);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> LeadOutbox.PUBLISHED.equals(state(leadId)) && entry(leadId) == null);
        LeadDocument audit = mongo.find(
                        Query.query(Criteria.where("sessionId").is(body.get("session_id"))), LeadDocument.class)
                .filter(l -> l.status() == LeadStatus.DOUBLE_SUBMIT)
                .blockFirst();
        assertThat(audit).as("the double submit stored for audit").isNotNull();
        await().atMost(Duration.ofSeconds(30)).until(() -> entry(audit.id()) == null);
        // published means acknowledged by the broker; the test's own consumer reads the record a moment later
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !events().forLead(leadId).isEmpty());
        assertThat(events().forLead(audit.id())).isEmpty();
    }

    @Test
    void aLeadStoredAndQueuedByACrashedInstanceIsPublishedByTheSweep() {
        String leadId = submit(aLead(), HttpStatus.CREATED).path("lead_id").asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> LeadOutbox.PUBLISHED.equals(state(leadId)) && entry(leadId) == null);
        // as another instance killed after its answer, before the broker's ack: lead pending with a
        // new event id, its entry written before it
        String eventId = UUID.randomUUID().toString();
        Instant queued = clock.instant();
        mongo.insert(new OutboxEntryDocument(leadId, queued, queued)).block();
        mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(leadId)),
                        new Update()
                                .set("outbox.state", LeadOutbox.PENDING)
                                .set("outbox.eventId", eventId)
                                .unset("outbox.publishedAt"),
                        LeadDocument.class)
                .block();

        // past the grace and the full-sweep interval: the next look reads the outbox
        clock.advance(Duration.ofMinutes(2));

        await().atMost(Duration.ofSeconds(60)).until(() -> events().forLead(leadId).stream()
                .anyMatch(r -> r.envelope().eventId().toString().equals(eventId)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> LeadOutbox.PUBLISHED.equals(state(leadId)) && entry(leadId) == null);
    }

    private JsonNode submit(Map<String, Object> body, HttpStatus expected) {
        return post("/public/leads", body)
                .expectStatus()
                .isEqualTo(expected)
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    private String state(String leadId) {
        LeadDocument lead = mongo.findById(leadId, LeadDocument.class).block(Duration.ofSeconds(10));
        return lead == null ? null : lead.outbox().state();
    }

    private OutboxEntryDocument entry(String leadId) {
        return mongo.findById(leadId, OutboxEntryDocument.class).block(Duration.ofSeconds(10));
    }
}
