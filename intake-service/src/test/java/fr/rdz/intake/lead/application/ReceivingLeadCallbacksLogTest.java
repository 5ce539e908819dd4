package fr.rdz.intake.lead.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fr.rdz.events.Entity;
import fr.rdz.events.LeadStatus;
import fr.rdz.events.Product;
import fr.rdz.intake.catalog.application.Catalog;
import fr.rdz.intake.catalog.domain.CatalogForm;
import fr.rdz.intake.lead.domain.LeadSubmissions;
import fr.rdz.intake.lead.mongo.LeadDocument;
import fr.rdz.intake.tracking.application.AttributingLeadToSession;
import fr.rdz.intake.tracking.application.SessionTouch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Issue #14: the error callbacks of a lead's request, which run after the answer on whatever thread the
 * failed write ended on (outside the request's {@code CorrelationScope}), log with the lead id as {@code
 * correlation_id} and {@code lead_id}.
 */
class ReceivingLeadCallbacksLogTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private final Logger logger = (Logger) LoggerFactory.getLogger(ReceivingLead.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Level level;

    @BeforeEach
    void capture() {
        level = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
        logger.setLevel(level);
    }

    @Test
    void aDoubleSubmitWhoseOutboxEntryAndSessionWritesFailIsLoggedWithItsLeadId() {
        Catalog catalog = mock(Catalog.class);
        when(catalog.form(anyString()))
                .thenReturn(Optional.of(new CatalogForm("PV-001", Entity.ZR7, Product.PV, null)));
        AttributingLeadToSession visits = mock(AttributingLeadToSession.class);
        when(visits.touch(anyString())).thenReturn(Mono.just(new SessionTouch(null, "PV-001", null, null, null)));
        when(visits.markConverted(anyString(), anyString())).thenReturn(failingElsewhere("session write failed"));
        ReceivedLeads store = mock(ReceivedLeads.class);
        // the store's own document (what LeadStore.newLead makes), the writes stubbed
        when(store.newLead(any(), any(), any(), any(), any(), any(), any(), any(), any(), any()))
                .thenAnswer(call -> new LeadDocument(
                        call.getArgument(0),
                        call.getArgument(1),
                        call.getArgument(2),
                        call.getArgument(3),
                        call.getArgument(4),
                        call.getArgument(5),
                        call.getArgument(6),
                        call.getArgument(7),
                        call.getArgument(8),
                        call.getArgument(9)));
        when(store.queueForPublication(anyString(), any())).thenReturn(Mono.empty());
        when(store.insertSubmitted(any())).thenAnswer(call -> Mono.just((StoredLead) call.getArgument(0)));
        when(store.unqueue(anyString())).thenReturn(failingElsewhere("outbox delete failed"));
        SubmitGuards guards = mock(SubmitGuards.class);
        // the same session and phone a moment ago: a double submit, kept for audit, its outbox entry dropped
        when(guards.claimGuard(anyString(), anyString(), any(), any()))
                .thenReturn(Mono.just(Optional.of("lead-first")));
        ReceivingLead receiving = new ReceivingLead(
                catalog,
                visits,
                store,
                guards,
                mock(RelayingReceivedLeads.class),
                Clock.fixed(NOW, ZoneOffset.UTC),
                new LeadMeters(new SimpleMeterRegistry()));

        Reception answer = receiving
                .receive(LeadSubmissions.valid(), new RequestOrigin("203.0.113.7", "test"))
                .block(Duration.ofSeconds(30));
        assertThat(answer.status()).isEqualTo(LeadStatus.DOUBLE_SUBMIT);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ILoggingEvent> lines = List.copyOf(appender.list);
            String leadId = lines.stream()
                    .filter(e -> e.getFormattedMessage().startsWith("Lead "))
                    .map(e -> e.getMDCPropertyMap().get("lead_id"))
                    .findFirst()
                    .orElseThrow();
            assertThat(leadId).isNotBlank().isNotEqualTo("lead-first");
            assertThat(lines)
                    .filteredOn(
                            e -> e.getFormattedMessage().startsWith("Outbox entry of " + leadId + " left to the sweep")
                                    || e.getFormattedMessage().startsWith("Session sess-1 not marked converted"))
                    .hasSize(2)
                    .allSatisfy(e -> {
                        assertThat(e.getThreadName()).doesNotStartWith("main");
                        assertThat(e.getMDCPropertyMap())
                                .containsEntry("correlation_id", leadId)
                                .containsEntry("lead_id", leadId);
                    });
        });
    }

    /** A write that fails on another thread, as the Mongo driver's would. */
    private static Mono<Void> failingElsewhere(String message) {
        return Mono.<Void>error(new IllegalStateException(message)).subscribeOn(Schedulers.boundedElastic());
    }
}
