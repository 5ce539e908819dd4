package fr.rdz.crmpush.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.rdz.crmpush.CrmPushIntegrationTest;
import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.DeliveryOutcome;
import fr.rdz.events.OutcomeStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.jetbrains.annotations.NotNull;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A CRM that never answers: its calls are cut by the time limiter, its circuit opens, it never holds more than its
 * in-flight bound (2 in tests), and another client's pushes go through while it hangs.
 */
class HangingCrmIT extends CrmPushIntegrationTest {

    private final MockWebServer hanging = new MockWebServer();
    private final MockWebServer healthy = new MockWebServer();
    private final AtomicInteger hangingRequests = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        hanging.setDispatcher(new Dispatcher() {
            @NotNull
            @Override
            public MockResponse dispatch(@NotNull RecordedRequest request) {
                hangingRequests.incrementAndGet();
                return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
            }
        });
        healthy.setDispatcher(new Dispatcher() {
            @NotNull
            @Override
            public MockResponse dispatch(@NotNull RecordedRequest request) {
                return new MockResponse().setResponseCode(201).setBody("{\"id\": 7}");
            }
        });
        hanging.start();
        healthy.start();
    }

    @AfterEach
    void stop() throws Exception {
        hanging.shutdown();
        healthy.shutdown();
    }

    @Test
    void aHangingCrmTimesOutOpensItsCircuitAndDoesNotSlowOtherClients() throws Exception {
        String slowClient = unique("c-hang");
        String otherClient = unique("c-ok");
        String slowBatch = unique("b-hang");
        String otherBatch = unique("b-ok");
        publish(batch(
                slowBatch,
                slowClient,
                DeliveryChannel.API,
                hanging.url("/lead").toString(),
                "hang_key_123456",
                IntStream.rangeClosed(1, 8)
                        .mapToObj(i -> lead(slowBatch + "-l" + i, "070000000" + i))
                        .toList()));
        await().atMost(Duration.ofSeconds(30)).until(() -> hangingRequests.get() >= 2);
        publish(batch(
                otherBatch,
                otherClient,
                DeliveryChannel.API,
                healthy.url("/lead").toString(),
                "ok_key_123456",
                IntStream.rangeClosed(1, 3)
                        .mapToObj(i -> lead(otherBatch + "-l" + i, "071000000" + i))
                        .toList()));

        // the other client's leads are all pushed while the hanging CRM still holds its first two calls
        await().atMost(Duration.ofSeconds(30))
                .until(() -> outcomesOf(otherClient).stream()
                                .filter(o -> o.status() == OutcomeStatus.SUCCESS)
                                .count()
                        == 3);
        int firstTimeout = indexOfFirst(slowClient);
        int lastOtherSuccess = OUTCOMES.indexOf(outcomesOf(otherClient).get(2));
        assertThat(firstTimeout == -1 || lastOtherSuccess < firstTimeout)
                .as("the other client's pushes completed before the hanging CRM's first timeout")
                .isTrue();

        // the time limiter cuts the calls, the circuit opens: later attempts are not even sent
        await().atMost(Duration.ofSeconds(60)).until(() -> outcomesOf(slowClient).stream()
                .anyMatch(o -> o.reason() != null && o.reason().startsWith("circuit open")));
        assertThat(outcomesOf(slowClient))
                .filteredOn(o -> o.status() == OutcomeStatus.RETRYING)
                .extracting(DeliveryOutcome::reason)
                .contains("timeout");
        int sentWhenOpen = hangingRequests.get();
        assertThat(sentWhenOpen).isLessThanOrEqualTo(7 + 2);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> outcomesOf(slowClient).stream()
                                .filter(o -> o.status() == OutcomeStatus.DEAD_LETTERED)
                                .count()
                        == 8);
        assertThat(hangingRequests.get()).isEqualTo(sentWhenOpen);
        assertThat(healthy.getRequestCount()).isEqualTo(3);
    }

    private static int indexOfFirst(String clientId) {
        List<DeliveryOutcome> all = List.copyOf(OUTCOMES);
        for (int i = 0; i < all.size(); i++) {
            if (clientId.equals(all.get(i).clientId())) {
                return i;
            }
        }
        return -1;
    }
}
