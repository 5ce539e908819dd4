package fr.rdz.crmpush.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.rdz.crmpush.CrmPushIntegrationTest;
import fr.rdz.crmpush.push.application.PushingLead;
import fr.rdz.crmpush.push.mongo.MongoConsentWithdrawals;
import fr.rdz.events.ConsentWithdrawn;
import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.DeliveryOutcome;
import fr.rdz.events.Entity;
import fr.rdz.events.Envelope;
import fr.rdz.events.OutcomeStatus;
import fr.rdz.events.Pii;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

/**
 * A batch planned before the person withdrew their consent: once {@code ConsentWithdrawn} has reached
 * crm-push, that person's lead is left out of the push (no POST, a final {@code failed} outcome saying
 * why), the other leads of the batch are pushed as usual. Through the broker to a stand-in CRM.
 */
class WithdrawnConsentPushIT extends CrmPushIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer crm = new MockWebServer();
    private final Set<String> postedPhones = ConcurrentHashMap.newKeySet();

    @Autowired
    private ReactiveMongoTemplate mongo;

    @BeforeEach
    void start() throws Exception {
        crm.setDispatcher(new Dispatcher() {
            @NotNull
            @Override
            public MockResponse dispatch(@NotNull RecordedRequest request) {
                try {
                    postedPhones.add(JSON.readTree(request.getBody().readUtf8())
                            .path("phone")
                            .asText());
                    return new MockResponse()
                            .setResponseCode(201)
                            .setHeader("Content-Type", "application/json")
                            .setBody("{\"id\": 1, \"message\": \"Lead créé\"}");
                } catch (Exception e) {
                    return new MockResponse().setResponseCode(500);
                }
            }
        });
        crm.start();
    }

    @AfterEach
    void stop() throws Exception {
        crm.shutdown();
    }

    @Test
    void aLeadWhosePersonWithdrewIsLeftOutOfAPlannedBatch() throws Exception {
        String client = unique("c-withdrawn");
        String batch = unique("b-withdrawn");
        String withdrawnPhone = "0677712301";
        String keptPhone = "0677712302";
        Envelope<?> withdrawal = Envelope.of(
                new ConsentWithdrawn(
                        batch + "-earlier", withdrawnPhone, Entity.ZR7, Instant.now(), List.of("another-client")),
                "routing-service",
                Instant.now());
        kafka.send(withdrawal.topic(), withdrawal.key(), withdrawal).get();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Boolean.TRUE.equals(mongo.findById(
                                Pii.phoneHash(withdrawnPhone), Document.class, MongoConsentWithdrawals.COLLECTION)
                        .hasElement()
                        .block(Duration.ofSeconds(10))));

        publish(batch(
                batch,
                client,
                DeliveryChannel.API,
                crm.url("/lead/api/create_lead/").toString(),
                "crm_live_key_0123456789",
                List.of(lead(batch + "-l1", withdrawnPhone), lead(batch + "-l2", keptPhone))));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> outcomesOf(client).stream().anyMatch(o -> o.status() == OutcomeStatus.SUCCESS)
                        && outcomesOf(client).stream().anyMatch(o -> o.status() == OutcomeStatus.FAILED));
        DeliveryOutcome left = outcomesOf(client).stream()
                .filter(o -> o.status() == OutcomeStatus.FAILED)
                .findFirst()
                .orElseThrow();
        assertThat(left.leadIds()).containsExactly(batch + "-l1");
        assertThat(left.reason()).isEqualTo(PushingLead.WITHDRAWN);
        assertThat(outcomesOf(client).stream()
                        .filter(o -> o.status() == OutcomeStatus.SUCCESS)
                        .flatMap(o -> o.leadIds().stream()))
                .containsExactly(batch + "-l2");
        assertThat(postedPhones).contains(keptPhone).doesNotContain(withdrawnPhone);
    }
}
