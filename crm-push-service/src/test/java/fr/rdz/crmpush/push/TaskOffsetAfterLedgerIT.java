package fr.rdz.crmpush.push;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.crmpush.CrmPushIntegrationTest;
import fr.rdz.crmpush.push.domain.PushTask;
import fr.rdz.crmpush.push.kafka.PushTaskCodec;
import fr.rdz.crmpush.push.kafka.PushTaskListener;
import fr.rdz.crmpush.push.mongo.MongoPushLedger;
import fr.rdz.events.Entity;
import fr.rdz.events.Product;
import java.time.Duration;
import java.time.LocalDate;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Mono;

/**
 * The task topic's offset is committed as soon as the listener returns (the push itself goes on asynchronously): by
 * then the ledger must hold the push, so that a kill -9 right after the commit leaves a push that recovery finds. A
 * push the ledger learnt of only later was lost by such a crash (deploy/e2e FaultSuiteIT, kill -9 of crm-push).
 */
class TaskOffsetAfterLedgerIT extends CrmPushIntegrationTest {

    @Autowired
    private PushTaskListener listener;

    @Autowired
    private MongoPushLedger ledger;

    private final MockWebServer crm = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        crm.start();
    }

    @AfterEach
    void stop() throws Exception {
        crm.shutdown();
    }

    @Test
    void theLedgerKnowsThePushWhenTheListenerReturns() {
        String client = unique("c-offset");
        String batch = unique("b-offset");
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
                BOX.encrypt("offset_key_123456"),
                lead(batch + "-l1", "0688888882"));

        Mono<Void> push = listener.on(new ConsumerRecord<>(TASKS, 0, 0L, "0688888882", PushTaskCodec.encode(task)));

        // the listener has returned (its offset would be committed now) and nothing has subscribed to the push yet
        assertThat(ledger.find(task.pushId()).block(Duration.ofSeconds(10)))
                .as("the push is in the ledger before the offset is committed")
                .isNotNull();
        crm.enqueue(new MockResponse().setResponseCode(201).setBody("{\"id\": 1}"));
        push.block(Duration.ofSeconds(30));
        assertThat(crm.getRequestCount()).isEqualTo(1);
    }
}
