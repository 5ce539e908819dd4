package fr.rdz.crmpush.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fr.rdz.crmpush.CrmPushIntegrationTest;
import fr.rdz.crmpush.push.application.DeadLetter;
import fr.rdz.crmpush.push.application.DeadLetterStore;
import fr.rdz.crmpush.push.application.ErasingPerson;
import fr.rdz.crmpush.push.application.PushLedger;
import fr.rdz.crmpush.push.domain.PushTask;
import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.Entity;
import fr.rdz.events.Envelope;
import fr.rdz.events.EventCodec;
import fr.rdz.events.LeadData;
import fr.rdz.events.PersonErased;
import fr.rdz.events.Pii;
import fr.rdz.events.Product;
import fr.rdz.kit.PersonalDataRetention;
import fr.rdz.kit.PersonalDataRetentionJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.bson.Document;
import org.jetbrains.annotations.NotNull;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Personal data in crm-push, through the real broker, a real HTTP server standing in for the CRM and
 * the real Mongo: a {@code PersonErased} erases the pushes and dead letters of that phone (a push not
 * done yet is never done); the retention limit erases the pushes of leads received before it the same
 * way and leaves younger ones untouched; doing either again changes nothing.
 */
class PersonalDataIT extends CrmPushIntegrationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper TASK_JSON =
            EventCodec.configure(JsonMapper.builder()).build();

    private final MockWebServer crm = new MockWebServer();

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    PushLedger ledger;

    @Autowired
    DeadLetterStore deadLetters;

    @Autowired
    ErasingPerson erasing;

    @Autowired
    PersonalDataRetentionJob job;

    @Autowired
    PersonalDataRetention retention;

    @Autowired
    Clock clock;

    @BeforeEach
    void start() throws Exception {
        crm.setDispatcher(new Dispatcher() {
            @NotNull
            @Override
            public MockResponse dispatch(@NotNull RecordedRequest request) {
                return new MockResponse()
                        .setResponseCode(201)
                        .setHeader("Content-Type", "application/json")
                        .setBody("{\"id\": 1}");
            }
        });
        crm.start();
    }

    @AfterEach
    void stop() throws Exception {
        crm.shutdown();
    }

    @Test
    void aPersonErasedOnTheBrokerErasesThatPhonesPushesAndDeadLetters() throws Exception {
        String erasedPhone = aPhone();
        String keptPhone = aPhone();
        String client = unique("c-erase");
        String batch = unique("b-erase");
        publish(batch(
                batch,
                client,
                DeliveryChannel.API,
                crm.url("/lead/api/create_lead/").toString(),
                "crm_live_key_0123456789",
                List.of(lead(batch + "-l1", erasedPhone), lead(batch + "-l2", keptPhone))));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "SUCCESS".equals(status(batch + ":" + batch + "-l1"))
                        && "SUCCESS".equals(status(batch + ":" + batch + "-l2")));
        // a push of the same person still to do, and one of their dead letters
        PushTask waiting = task(unique("b-waiting"), client, lead(unique("l-waiting"), erasedPhone));
        ledger.open(waiting, clock.instant()).block(TIMEOUT);
        PushTask failed = task(unique("b-dead"), client, lead(unique("l-dead"), erasedPhone));
        deadLetters.save(deadLetter(failed)).block(TIMEOUT);
        Document keptBefore = raw("push_attempts", batch + ":" + batch + "-l2");

        PersonErased event = new PersonErased(erasedPhone, Instant.now());
        Envelope<PersonErased> envelope = Envelope.of(event, "routing-service", Instant.now());
        kafka.send(envelope.topic(), envelope.key(), envelope).get();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> Boolean.TRUE.equals(raw("push_attempts", batch + ":" + batch + "-l1")
                                .getBoolean("erased"))
                        && Boolean.TRUE.equals(
                                raw("push_attempts", waiting.pushId()).getBoolean("erased"))
                        && Boolean.TRUE.equals(
                                raw("dead_letters", failed.pushId()).getBoolean("erased")));
        Document pushed = raw("push_attempts", batch + ":" + batch + "-l1");
        assertThat(pushed.getString("status")).isEqualTo("SUCCESS");
        assertThat(pushed).doesNotContainKey("phone_hash");
        assertErased(pushed.getString("task"));
        Document notYetPushed = raw("push_attempts", waiting.pushId());
        assertThat(notYetPushed.getString("status")).isEqualTo("ERASED");
        assertErased(notYetPushed.getString("task"));
        Document letter = raw("dead_letters", failed.pushId());
        assertThat(letter.getString("status")).isEqualTo(DeadLetter.RESOLVED);
        assertThat(letter.getString("record_key")).isEqualTo(client);
        assertThat(letter).doesNotContainKey("phone_masked");
        assertErased(letter.getString("task"));
        assertThat(raw("push_attempts", batch + ":" + batch + "-l2")).isEqualTo(keptBefore);

        Document erasedOnce = raw("push_attempts", batch + ":" + batch + "-l1");
        assertThat(erasing.erase(event).block(TIMEOUT)).isZero();
        assertThat(raw("push_attempts", batch + ":" + batch + "-l1")).isEqualTo(erasedOnce);
    }

    @Test
    void theRetentionLimitErasesPushesOfLeadsReceivedBeforeItOnce() throws Exception {
        Instant limit = retention.expiredBefore(clock).truncatedTo(ChronoUnit.MILLIS);
        String client = unique("c-ret");
        String batch = unique("b-ret");
        LeadData old = received(lead(batch + "-old", aPhone()), limit.minus(Duration.ofDays(1)));
        LeadData young = received(lead(batch + "-young", aPhone()), limit.plus(Duration.ofDays(1)));
        publish(batch(
                batch,
                client,
                DeliveryChannel.API,
                crm.url("/lead/api/create_lead/").toString(),
                "crm_live_key_0123456789",
                List.of(old, young)));
        String oldPush = batch + ":" + old.leadId();
        String youngPush = batch + ":" + young.leadId();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "SUCCESS".equals(status(oldPush))
                        && "SUCCESS".equals(status(youngPush))
                        && !raw("push_attempts", oldPush).containsKey("pending_outcome")
                        && !raw("push_attempts", youngPush).containsKey("pending_outcome"));
        Document youngBefore = raw("push_attempts", youngPush);

        Map<String, Long> first = job.run().block(TIMEOUT);

        assertThat(first.get("push_attempts")).isGreaterThanOrEqualTo(1L);
        Document erased = raw("push_attempts", oldPush);
        assertThat(erased.getBoolean("erased")).isTrue();
        assertThat(erased.getString("status")).isEqualTo("SUCCESS");
        assertThat(erased).doesNotContainKey("phone_hash");
        assertErased(erased.getString("task"));
        assertThat(raw("push_attempts", youngPush)).isEqualTo(youngBefore);

        Document erasedOnce = raw("push_attempts", oldPush);
        Map<String, Long> second = job.run().block(TIMEOUT);

        assertThat(second).containsEntry("push_attempts", 0L).containsEntry("dead_letters", 0L);
        assertThat(raw("push_attempts", oldPush)).isEqualTo(erasedOnce);
        assertThat(raw("push_attempts", youngPush)).isEqualTo(youngBefore);
    }

    private static void assertErased(String taskJson) throws Exception {
        JsonNode lead = TASK_JSON.readTree(taskJson).path("lead");
        JsonNode contact = lead.path("contact");
        assertThat(contact.has("phone")).as("phone in %s", contact).isFalse();
        assertThat(contact.has("nom")).isFalse();
        assertThat(contact.has("prenom")).isFalse();
        assertThat(contact.has("email")).isFalse();
        assertThat(contact.has("adresse")).isFalse();
        assertThat(contact.path("departement").asText()).isNotBlank();
        assertThat(lead.path("consent").has("ip")).isFalse();
        assertThat(lead.path("consent").has("user_agent")).isFalse();
        assertThat(lead.path("lead_id").asText()).isNotBlank();
    }

    private static LeadData received(LeadData lead, Instant at) {
        return new LeadData(
                lead.leadId(),
                at,
                lead.entity(),
                lead.product(),
                lead.contact(),
                lead.project(),
                lead.source(),
                lead.consent());
    }

    private static PushTask task(String batchId, String client, LeadData lead) {
        return new PushTask(
                batchId,
                "run-ZR7-2026-11-20",
                LocalDate.parse("2026-11-20"),
                Entity.ZR7,
                Product.PV,
                "cmd-" + client,
                client,
                "Client " + client,
                "http://127.0.0.1:1/never",
                BOX.encrypt("crm_live_key_0123456789"),
                lead);
    }

    private static DeadLetter deadLetter(PushTask task) throws Exception {
        return new DeadLetter(
                task.pushId(),
                task.batchId(),
                task.leadId(),
                task.clientId(),
                task.clientName(),
                task.entity(),
                Pii.maskPhone(task.lead().phone()),
                "HTTP 503",
                6,
                DeadLetter.OPEN,
                Instant.now(),
                null,
                0,
                null,
                null,
                task.recordKey(),
                TASK_JSON.writeValueAsString(task));
    }

    private static String aPhone() {
        return "07" + (12_000_000 + ThreadLocalRandom.current().nextInt(80_000_000));
    }

    private String status(String pushId) {
        Document entry = raw("push_attempts", pushId);
        return entry == null ? null : entry.getString("status");
    }

    private Document raw(String collection, String id) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, collection)
                .block(TIMEOUT);
    }
}
