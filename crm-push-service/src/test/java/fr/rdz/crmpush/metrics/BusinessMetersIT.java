package fr.rdz.crmpush.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.rdz.crmpush.CrmPushIntegrationTest;
import fr.rdz.crmpush.push.application.RecoveringStalledPushes;
import fr.rdz.crmpush.push.domain.PushTask;
import fr.rdz.crmpush.push.mongo.MongoPushLedger;
import fr.rdz.crmpush.push.mongo.OpenDeadLettersGauge;
import fr.rdz.crmpush.push.mongo.UnpushedTaskLagGauge;
import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.Entity;
import fr.rdz.events.OutcomeStatus;
import fr.rdz.events.Product;
import fr.rdz.stack.PrometheusScrape;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
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

/** crm-push's business meters, as Prometheus scrapes them from {@code /actuator/prometheus}. */
class BusinessMetersIT extends CrmPushIntegrationTest {

    private final MockWebServer crm = new MockWebServer();

    @Autowired
    PrometheusMeterRegistry prometheus;

    @Autowired
    OpenDeadLettersGauge deadLetters;

    @Autowired
    UnpushedTaskLagGauge taskLag;

    @Autowired
    MongoPushLedger ledger;

    @Autowired
    RecoveringStalledPushes recovering;

    @Autowired
    Clock clock;

    @BeforeEach
    void start() throws Exception {
        crm.setDispatcher(new Dispatcher() {
            @NotNull
            @Override
            public MockResponse dispatch(@NotNull RecordedRequest request) {
                String body = request.getBody().clone().readUtf8();
                if (body.contains("0633333331")) {
                    return new MockResponse().setResponseCode(201).setBody("{\"id\": 1}");
                }
                if (body.contains("0633333333")) {
                    return new MockResponse().setResponseCode(400).setBody("{\"error\": \"phone invalide\"}");
                }
                return new MockResponse().setResponseCode(500).setBody("down");
            }
        });
        crm.start();
    }

    @AfterEach
    void stop() throws Exception {
        crm.shutdown();
    }

    @Test
    void countsPushesByOutcomeAndShowsTheOpenDeadLetters() throws Exception {
        double success = value("rdz_crm_pushes_total", "entity=ZR7", "outcome=success");
        double invalid = value("rdz_crm_pushes_total", "entity=ZR7", "outcome=validation_error");
        double dead = value("rdz_crm_pushes_total", "entity=ZR7", "outcome=dead_lettered");

        String client = unique("c-meters");
        String batch = unique("b-meters");
        publish(batch(
                batch,
                client,
                DeliveryChannel.API,
                crm.url("/lead/api/create_lead/").toString(),
                "crm_live_key_0123456789",
                List.of(
                        lead(batch + "-l1", "0633333331"),
                        lead(batch + "-l3", "0633333333"),
                        lead(batch + "-l9", "0633333339"))));

        await().atMost(Duration.ofSeconds(90))
                .until(() -> outcomesOf(client).stream().anyMatch(o -> o.status() == OutcomeStatus.DEAD_LETTERED)
                        && outcomesOf(client).stream().anyMatch(o -> o.status() == OutcomeStatus.SUCCESS)
                        && outcomesOf(client).stream().anyMatch(o -> o.status() == OutcomeStatus.VALIDATION_ERROR));
        assertThat(value("rdz_crm_pushes_total", "entity=ZR7", "outcome=success"))
                .isEqualTo(success + 1);
        assertThat(value("rdz_crm_pushes_total", "entity=ZR7", "outcome=validation_error"))
                .isEqualTo(invalid + 1);
        assertThat(value("rdz_crm_pushes_total", "entity=ZR7", "outcome=dead_lettered"))
                .isEqualTo(dead + 1);
        assertThat(value("rdz_crm_pushes_total", "entity=ZR7", "outcome=retrying"))
                .isPositive();

        deadLetters.refresh().block(Duration.ofSeconds(30));
        assertThat(value("rdz_dead_letters_open", "service=crm-push", "entity=ZR7"))
                .isGreaterThanOrEqualTo(1);
        assertThat(prometheus.scrape()).doesNotContain(client).doesNotContain("0633333339");
    }

    /**
     * The task lag is the age of the oldest push not made yet: a push left 5 days ago by a crash (its task
     * taken, the ledger entry opened, nothing POSTed) shows as at least 5 days; once recovered and pushed, it
     * no longer counts. Entity MDL: no other test of this context leaves an MDL push unmade.
     */
    @Test
    void showsHowOldTheOldestUnpushedTaskIs() throws Exception {
        String client = unique("c-lag");
        String batch = unique("b-lag");
        PushTask task = new PushTask(
                batch,
                "run-MDL-2026-11-20",
                LocalDate.parse("2026-11-20"),
                Entity.MDL,
                Product.PV,
                "cmd-lag",
                client,
                "Client " + client,
                crm.url("/lead/api/create_lead/").toString(),
                BOX.encrypt("crm_lag_key_0123456789"),
                lead(batch + "-l1", "0633333331"));
        long fiveDays = Duration.ofDays(5).toSeconds();
        ledger.open(task, clock.instant().minus(Duration.ofDays(5))).block(Duration.ofSeconds(30));

        taskLag.refresh().block(Duration.ofSeconds(30));
        assertThat(value("rdz_crm_push_task_lag_seconds", "service=crm-push", "entity=MDL"))
                .as("the unpushed task's age")
                .isGreaterThanOrEqualTo(fiveDays);

        recovering.recover().block(Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> outcomesOf(client).stream().anyMatch(o -> o.status() == OutcomeStatus.SUCCESS));
        taskLag.refresh().block(Duration.ofSeconds(30));
        assertThat(value("rdz_crm_push_task_lag_seconds", "service=crm-push", "entity=MDL"))
                .as("the task pushed no longer counts")
                .isLessThan(fiveDays);
        assertThat(prometheus.scrape()).contains("rdz_crm_push_task_lag_seconds{entity=\"ZR7\",service=\"crm-push\"}");
    }

    /**
     * A sample of the text {@code /actuator/prometheus} serves, from the registry behind it: on main
     * the endpoint is denied to every caller; once the scraper user exists (branch kit), read it over
     * HTTP.
     */
    private double value(String name, String... labels) {
        return new PrometheusScrape(prometheus.scrape()).value(name, labels).orElse(0);
    }
}
