package fr.rdz.crmpush.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fr.rdz.crmpush.CrmPushIntegrationTest;
import fr.rdz.crmpush.push.application.PushingLead;
import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.OutcomeStatus;
import java.time.Duration;
import java.util.List;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.jetbrains.annotations.NotNull;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue #14: the per-lead push line carries the batch id as {@code correlation_id} (as the other
 * lines of the batch, from the e-mail to the push) and the lead id as {@code lead_id}, through the
 * broker to a stand-in CRM; the phone only masked.
 */
class PushCorrelationIdIT extends CrmPushIntegrationTest {

    private static final String PHONE = "0644444452";

    private final MockWebServer crm = new MockWebServer();
    private final Logger logger = (Logger) LoggerFactory.getLogger(PushingLead.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    @BeforeEach
    void start() throws Exception {
        crm.setDispatcher(new Dispatcher() {
            @NotNull
            @Override
            public MockResponse dispatch(@NotNull RecordedRequest request) {
                return new MockResponse()
                        .setResponseCode(201)
                        .setHeader("Content-Type", "application/json")
                        .setBody("{\"id\": 1, \"message\": \"Lead créé\"}");
            }
        });
        crm.start();
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void stop() throws Exception {
        logger.detachAppender(appender);
        crm.shutdown();
    }

    @Test
    void thePushLineOfALeadCarriesItsBatchAsCorrelationIdAndItsLeadId() throws Exception {
        String client = unique("c-corr");
        String batch = unique("b-corr");
        String leadId = batch + "-l1";
        publish(batch(
                batch,
                client,
                DeliveryChannel.API,
                crm.url("/lead/api/create_lead/").toString(),
                "crm_live_key_0123456789",
                List.of(lead(leadId, PHONE))));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> outcomesOf(client).stream().anyMatch(o -> o.status() == OutcomeStatus.SUCCESS));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(List.copyOf(appender.list))
                .filteredOn(e -> e.getFormattedMessage().startsWith("Push " + batch + " of lead " + leadId))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.getMDCPropertyMap())
                            .containsEntry("correlation_id", batch)
                            .containsEntry("batch_id", batch)
                            .containsEntry("lead_id", leadId);
                    assertThat(e.getFormattedMessage()).contains("SUCCESS").doesNotContain(PHONE);
                }));
    }
}
