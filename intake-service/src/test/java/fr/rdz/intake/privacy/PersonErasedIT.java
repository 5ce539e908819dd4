package fr.rdz.intake.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import fr.rdz.events.Envelope;
import fr.rdz.events.EnvelopeSerializer;
import fr.rdz.events.LeadData;
import fr.rdz.events.PersonErased;
import fr.rdz.events.Topics;
import fr.rdz.intake.IntakeIntegrationTest;
import fr.rdz.intake.lead.mongo.LeadDocument;
import fr.rdz.intake.privacy.application.ErasingPerson;
import fr.rdz.stack.RdzTestStack;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * Erasure reaches intake: a {@code PersonErased} published by routing on the real broker erases
 * every stored lead of that phone (and its session's visitor data); another person's lead is
 * untouched; the event handled again changes nothing.
 */
class PersonErasedIT extends IntakeIntegrationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Autowired
    ErasingPerson erasing;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void theKitsErasureListenerConsumesInTheGroupIntakeUsedBeforeItsOffsetsAreKept() {
        assertThat(listeners.getListenerContainer("intake-service-person-erased"))
                .isNotNull()
                .satisfies(container -> {
                    assertThat(container.getGroupId()).isEqualTo("intake-person-erased");
                    assertThat(container.getContainerProperties().getTopics()).containsExactly(Topics.PERSON_ERASED);
                });
    }

    @Test
    void aPersonErasedOnTheBrokerErasesThatPhonesLeadsInIntake() throws Exception {
        knownForm();
        String sessionId = openSession();
        Map<String, Object> body = aLead();
        body.put("session_id", sessionId);
        body.put("adresse", "12 rue Oberkampf");
        String phone = (String) body.get("phone");
        String erasedLead = submit(body);
        Map<String, Object> again = aLead();
        again.put("phone", phone);
        String secondErasedLead = submit(again);
        String keptLead = submit(aLead());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "published".equals(outboxState(erasedLead))
                        && "published".equals(outboxState(secondErasedLead))
                        && "published".equals(outboxState(keptLead)));
        Document keptBefore = raw("leads", keptLead);

        PersonErased event = new PersonErased(phone, clock.instant());
        try (KafkaProducer<String, Envelope<?>> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        RdzTestStack.get().kafkaBootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new EnvelopeSerializer())) {
            Envelope<PersonErased> envelope = Envelope.of(event, "routing-service", Instant.now());
            producer.send(new ProducerRecord<>(envelope.topic(), envelope.key(), envelope))
                    .get();
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> Boolean.TRUE.equals(raw("leads", erasedLead).getBoolean("erased"))
                        && Boolean.TRUE.equals(raw("leads", secondErasedLead).getBoolean("erased")));
        LeadDocument erased = mongo.findById(erasedLead, LeadDocument.class).block(TIMEOUT);
        LeadData lead = erased.received().lead();
        assertThat(erased.phone()).isNull();
        assertThat(lead.contact().phone()).isNull();
        assertThat(lead.contact().nom()).isNull();
        assertThat(lead.contact().prenom()).isNull();
        assertThat(lead.contact().email()).isNull();
        assertThat(lead.contact().adresse()).isNull();
        assertThat(lead.contact().codePostal()).isNull();
        assertThat(lead.contact().departement()).isEqualTo("75");
        assertThat(lead.consent().ip()).isNull();
        assertThat(lead.consent().userAgent()).isNull();
        assertThat(lead.consent().consentText()).startsWith("J'accepte");
        assertThat(lead.source().utmSource()).isEqualTo("google");
        assertThat(erased.sessionId()).isEqualTo(sessionId);
        Document session = raw("visitor_sessions", sessionId);
        assertThat(session.getBoolean("erased")).isTrue();
        assertThat(session.get("ip")).isNull();
        assertThat(session.get("userAgent")).isNull();
        assertThat(session.get("visitorId")).isNull();
        assertThat(session.getString("utmSource")).isEqualTo("google");
        assertThat(raw("tracking", sessionId + ":lp_visit")).isNotNull().satisfies(visit -> {
            assertThat(visit.get("ip")).isNull();
            assertThat(visit.get("userAgent")).isNull();
        });
        assertThat(raw("leads", keptLead)).isEqualTo(keptBefore);

        Document erasedOnce = raw("leads", erasedLead);
        assertThat(erasing.erase(event).block(TIMEOUT)).isZero();
        assertThat(raw("leads", erasedLead)).isEqualTo(erasedOnce);
    }

    private String openSession() {
        String sessionId = post("/public/track/session", Map.of("lp_code", LP, "utm_source", "google"))
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .path("session_id")
                .asText();
        post("/public/track/lp-visit", Map.of("session_id", sessionId, "lp_code", LP))
                .expectStatus()
                .isOk();
        return sessionId;
    }

    private String submit(Map<String, Object> body) {
        return post("/public/leads", body)
                .expectStatus()
                .isEqualTo(HttpStatus.CREATED)
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .path("lead_id")
                .asText();
    }

    private String outboxState(String leadId) {
        Document lead = raw("leads", leadId);
        return lead == null ? null : lead.get("outbox", Document.class).getString("state");
    }

    private Document raw(String collection, String id) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, collection)
                .block(TIMEOUT);
    }
}
