package fr.rdz.crmpush.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.rdz.crmpush.CrmPushIntegrationTest;
import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.OutcomeStatus;
import fr.rdz.events.Topics;
import fr.rdz.stack.SendingThreads;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Kafka send may block its caller (metadata, a full buffer): the tasks fanned out from a planned delivery and the
 * outcomes of the pushes are sent off the event loops (the Mongo driver's, the HTTP client's, Reactor's parallel
 * workers, the producer's own I/O thread), where a blocked send would stall every other request of the loop.
 */
class PushSendsOffTheEventLoopsIT extends CrmPushIntegrationTest {

    private final MockWebServer crm = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        for (int i = 0; i < 3; i++) {
            crm.enqueue(new MockResponse().setResponseCode(201).setBody("{\"id\": 1}"));
        }
        crm.start();
    }

    @AfterEach
    void stop() throws Exception {
        crm.shutdown();
    }

    @Test
    void sendsTasksAndOutcomesOffTheEventLoops() throws Exception {
        String client = unique("c-loops");
        String batch = unique("b-loops");
        List<String> phones = List.of("0612340001", "0612340002", "0612340003");
        publish(batch(
                batch,
                client,
                DeliveryChannel.API,
                crm.url("/lead").toString(),
                "loops_key_123456",
                List.of(
                        lead(batch + "-l1", phones.get(0)),
                        lead(batch + "-l2", phones.get(1)),
                        lead(batch + "-l3", phones.get(2)))));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> outcomesOf(client).stream()
                                .filter(o -> o.status() == OutcomeStatus.SUCCESS)
                                .count()
                        == 3);
        assertThat(SendingThreads.to(TASKS))
                .filteredOn(send -> Set.copyOf(phones).contains(send.key()))
                .hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(send -> assertThat(send.thread()).doesNotMatch(SendingThreads.EVENT_LOOPS));
        assertThat(SendingThreads.to(Topics.DELIVERY_OUTCOME))
                .filteredOn(send -> send.key().equals(client))
                .hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(send -> assertThat(send.thread()).doesNotMatch(SendingThreads.EVENT_LOOPS));
    }
}
