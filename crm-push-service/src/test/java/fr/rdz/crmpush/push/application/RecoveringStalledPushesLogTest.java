package fr.rdz.crmpush.push.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fr.rdz.crmpush.push.domain.PushTask;
import fr.rdz.events.LeadData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Issue #14: the line of an interrupted push put back on the task topic carries the batch id as {@code
 * correlation_id} and the lead id as {@code lead_id}, like the push line of the lead, although the
 * recovery sweep consumes no event (nothing put them in the MDC) and continues on another thread; the
 * MDC of that thread is left as it was.
 */
class RecoveringStalledPushesLogTest {

    private static final Instant NOW = Instant.parse("2026-11-27T09:45:00Z");

    private final Logger logger = (Logger) LoggerFactory.getLogger(RecoveringStalledPushes.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    @BeforeEach
    void capture() {
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
    }

    @Test
    void theInterruptedPushLineCarriesItsBatchAsCorrelationIdAndItsLeadId() {
        PushTask task = new PushTask(
                "run-ZR7-2026-11-27:cmd-1",
                "run-ZR7-2026-11-27",
                null,
                null,
                null,
                "cmd-1",
                "client-1",
                "Client 1",
                "https://crm.example.fr/lead/api/create_lead/",
                null,
                new LeadData("lead-42", NOW, null, null, null, null, null, null));
        PushLedger ledger = mock(PushLedger.class);
        when(ledger.stalled(any())).thenReturn(Flux.just(task));
        when(ledger.requeue(anyString(), any(), any()))
                .thenReturn(Mono.just(true).publishOn(Schedulers.boundedElastic()));
        TaskPublisher tasks = mock(TaskPublisher.class);
        when(tasks.publish(anyList())).thenReturn(Mono.empty());

        Long recovered = new RecoveringStalledPushes(
                        ledger, tasks, Duration.ofSeconds(15), Clock.fixed(NOW, ZoneOffset.UTC))
                .recover()
                .block(Duration.ofSeconds(30));

        assertThat(recovered).isEqualTo(1);
        assertThat(appender.list)
                .filteredOn(e -> e.getFormattedMessage().contains("was interrupted"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.getMDCPropertyMap())
                            .containsEntry("correlation_id", task.batchId())
                            .containsEntry("batch_id", task.batchId())
                            .containsEntry("lead_id", "lead-42");
                    assertThat(e.getThreadName())
                            .as("logged on the sweep's thread")
                            .doesNotStartWith("main");
                });
        assertThat(MDC.get("correlation_id")).as("the caller's MDC untouched").isNull();
    }
}
