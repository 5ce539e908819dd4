package fr.rdz.intake.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadStatus;
import fr.rdz.intake.IntakeIntegrationTest;
import fr.rdz.intake.lead.mongo.LeadDocument;
import fr.rdz.kit.PersonalDataRetention;
import fr.rdz.kit.PersonalDataRetentionJob;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;

/**
 * The retention limit in intake, through the real import path and the real Mongo: with the limit
 * computed from the context's clock, a lead received a day before it is erased (as an erasure
 * would), a lead received a day after it is untouched; sessions, tracking events and quarantined
 * bodies older than the limit are deleted; a second run changes nothing more.
 */
class PersonalDataRetentionIT extends IntakeIntegrationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Autowired
    PersonalDataRetentionJob job;

    @Autowired
    PersonalDataRetention retention;

    @Test
    void erasesLeadsReceivedBeforeTheLimitOnceAndLeavesYoungerOnesUntouched() {
        knownForm();
        Instant limit = retention.expiredBefore(clock).truncatedTo(ChronoUnit.MILLIS);
        Instant before = limit.minus(Duration.ofDays(1));
        Instant after = limit.plus(Duration.ofDays(1));
        String oldLead = UUID.randomUUID().toString();
        String youngLead = UUID.randomUUID().toString();
        String oldSession = UUID.randomUUID().toString();
        String youngSession = UUID.randomUUID().toString();
        importLeads(
                original(oldLead, oldSession, randomMobile(), before),
                original(youngLead, youngSession, randomMobile(), after));
        visitorData(oldSession, before);
        visitorData(youngSession, after);
        // the relay marks imported leads published: wait, so that nothing else changes them from here on
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "published".equals(outboxState(oldLead)) && "published".equals(outboxState(youngLead)));
        Document youngBefore = raw("leads", youngLead);
        Document youngSessionBefore = raw("visitor_sessions", youngSession);

        Map<String, Long> first = job.run().block(TIMEOUT);

        assertThat(first.get("leads")).isGreaterThanOrEqualTo(1L);
        LeadDocument erased = mongo.findById(oldLead, LeadDocument.class).block(TIMEOUT);
        assertThat(erased.phone()).isNull();
        assertThat(erased.status()).isEqualTo(LeadStatus.PENDING);
        assertThat(erased.receivedAt()).isEqualTo(before);
        LeadData lead = erased.received().lead();
        assertThat(lead.leadId()).isEqualTo(oldLead);
        assertThat(lead.contact().phone()).isNull();
        assertThat(lead.contact().nom()).isNull();
        assertThat(lead.contact().prenom()).isNull();
        assertThat(lead.contact().email()).isNull();
        assertThat(lead.contact().ville()).isNull();
        assertThat(lead.contact().departement()).isEqualTo("69");
        assertThat(lead.consent().ip()).isNull();
        assertThat(lead.consent().rgpdConsent()).isTrue();
        assertThat(lead.source().utmCampaign()).isEqualTo("hiver");
        assertThat(raw("leads", oldLead).getBoolean("erased")).isTrue();
        assertThat(raw("leads", youngLead)).isEqualTo(youngBefore);
        assertThat(mongo.findById(youngLead, LeadDocument.class).block(TIMEOUT).phone())
                .isNotNull();
        assertThat(raw("visitor_sessions", oldSession)).isNull();
        assertThat(raw("tracking", oldSession + ":lp_visit")).isNull();
        assertThat(raw("quarantine", oldSession)).isNull();
        assertThat(raw("visitor_sessions", youngSession)).isEqualTo(youngSessionBefore);
        assertThat(raw("tracking", youngSession + ":lp_visit")).isNotNull();
        assertThat(raw("quarantine", youngSession)).isNotNull();

        Document oldAfterFirst = raw("leads", oldLead);
        Map<String, Long> second = job.run().block(TIMEOUT);

        assertThat(second).containsEntry("leads", 0L).containsEntry("visitor_sessions", 0L);
        assertThat(second).containsEntry("tracking", 0L).containsEntry("quarantine", 0L);
        assertThat(raw("leads", oldLead)).isEqualTo(oldAfterFirst);
        assertThat(raw("leads", youngLead)).isEqualTo(youngBefore);
        assertThat(raw("visitor_sessions", youngSession)).isEqualTo(youngSessionBefore);
    }

    /** A session, its lp_visit and a quarantined body (same id as the session) at {@code at}. */
    private void visitorData(String sessionId, Instant at) {
        Date when = Date.from(at);
        mongo.insert(
                        new Document("_id", sessionId)
                                .append("visitorId", UUID.randomUUID().toString())
                                .append("lpCode", LP)
                                .append("ip", "203.0.113.9")
                                .append("userAgent", "Mozilla/5.0 (IT)")
                                .append("createdAt", when),
                        "visitor_sessions")
                .block(TIMEOUT);
        mongo.insert(
                        new Document("_id", sessionId + ":lp_visit")
                                .append("sessionId", sessionId)
                                .append("event", "lp_visit")
                                .append("ip", "203.0.113.9")
                                .append("createdAt", when),
                        "tracking")
                .block(TIMEOUT);
        mongo.insert(
                        new Document("_id", sessionId)
                                .append("path", "/public/leads")
                                .append("body", "{\"phone\":\"0611223344\"")
                                .append("ip", "203.0.113.9")
                                .append("receivedAt", when),
                        "quarantine")
                .block(TIMEOUT);
    }

    private String outboxState(String leadId) {
        Document lead = raw("leads", leadId);
        return lead == null ? null : lead.get("outbox", Document.class).getString("state");
    }

    private Document raw(String collection, String id) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, collection)
                .block(TIMEOUT);
    }

    private void importLeads(String... lines) {
        JsonNode answer = admin().post()
                .uri("/admin/leads/import")
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .bodyValue(String.join("\n", lines))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(answer.path("imported").asInt()).isEqualTo(lines.length);
    }

    /** A lead of the original RDZ database (seed field names), received at {@code createdAt}. */
    private static String original(String id, String sessionId, String phone, Instant createdAt) {
        return "{\"id\":\"" + id + "\",\"session_id\":\"" + sessionId + "\",\"form_code\":\"" + FORM
                + "\",\"phone\":\"" + phone + "\",\"nom\":\"Durand\",\"prenom\":\"Paul\",\"civilite\":\"M.\","
                + "\"email\":\"paul@example.fr\",\"departement\":\"69\",\"ville\":\"Lyon\",\"adresse\":\"3 rue Neuve\","
                + "\"lp_code\":\"" + LP + "\",\"utm_source\":\"google\",\"utm_campaign\":\"hiver\","
                + "\"rgpd_consent\":true,\"ip\":\"198.51.100.7\",\"user_agent\":\"Mozilla/5.0 (IT)\","
                + "\"created_at\":\"" + createdAt + "\",\"api_status\":\"pending\"}";
    }
}
