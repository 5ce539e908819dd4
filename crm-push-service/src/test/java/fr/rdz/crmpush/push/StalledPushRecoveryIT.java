package fr.rdz.crmpush.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.rdz.crmpush.CrmPushIntegrationTest;
import fr.rdz.crmpush.push.application.RecoveringStalledPushes;
import fr.rdz.crmpush.push.domain.PushTask;
import fr.rdz.crmpush.push.mongo.MongoPushLedger;
import fr.rdz.events.Entity;
import fr.rdz.events.OutcomeStatus;
import fr.rdz.events.Product;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.jetbrains.annotations.NotNull;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A push interrupted by a crash (its task offset already committed) is found in the ledger and pushed once. */
class StalledPushRecoveryIT extends CrmPushIntegrationTest {

    @Autowired
    private MongoPushLedger ledger;

    @Autowired
    private RecoveringStalledPushes recovering;

    private final MockWebServer crm = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        crm.setDispatcher(new Dispatcher() {
            @NotNull
            @Override
            public MockResponse dispatch(@NotNull RecordedRequest request) {
                return new MockResponse().setResponseCode(201);
            }
        });
        crm.start();
    }

    @AfterEach
    void stop() throws Exception {
        crm.shutdown();
    }

    @Test
    void putsAnInterruptedPushBackOnTheTaskTopicAndPushesItOnce() throws Exception {
        String client = unique("c-crash");
        String batch = unique("b-crash");
        PushTask task = new PushTask(
                batch,
                "run-ZR7-2026-11-20",
                LocalDate.parse("2026-11-20"),
                Entity.ZR7,
                Product.PV,
                "cmd-1",
                client,
                "Client " + client,
                crm.url("/lead").toString(),
                BOX.encrypt("crash_key_123456"),
                lead(batch + "-l1", "0688888881"));
        // the service died right after taking the task: the ledger has it, no topic does any more
        ledger.open(task, Instant.now().minus(Duration.ofMinutes(5))).block();

        assertThat(recovering.recover().block()).isGreaterThanOrEqualTo(1L);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> outcomesOf(client).stream().anyMatch(o -> o.status() == OutcomeStatus.SUCCESS));

        // pushed: a later sweep leaves it alone
        recovering.recover().block();
        await().atMost(Duration.ofSeconds(30)).until(() -> consumedAll(List.of(TASKS)));
        assertThat(crm.getRequestCount()).isEqualTo(1);
        assertThat(outcomesOf(client)).hasSize(1);
    }
}
