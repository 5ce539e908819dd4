package fr.rdz.intake.lead.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import reactor.core.publisher.Mono;

/**
 * The purge of double-submit guards is a retention chore retried at its next interval: MongoDB out of
 * reach makes it a one-line warning, not an error with a stack trace every ten minutes (Spring's
 * "Unexpected error occurred in scheduled task", which also broke an unrelated test's log check).
 */
class PurgingSubmitGuardsTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(PurgingSubmitGuards.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void capture() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
    }

    @Test
    void mongoOutOfReachLeavesTheGuardsForTheNextPurgeWithAWarning() {
        ReceivingLead receiving = mock(ReceivingLead.class);
        when(receiving.purgeGuards())
                .thenReturn(Mono.error(new DataAccessResourceFailureException(
                        "Timed out while waiting for a server that matches WritableServerSelector")));

        assertThatCode(new PurgingSubmitGuards(receiving)::purge).doesNotThrowAnyException();

        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getFormattedMessage()).contains("not purged", "next");
            assertThat(line.getThrowableProxy()).isNull();
        });
    }
}
