package fr.rdz.intake.lead.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadReceived;
import fr.rdz.events.LeadStatus;
import fr.rdz.intake.config.IntakeProperties;
import fr.rdz.intake.lead.application.LeadOutbox;
import fr.rdz.intake.lead.application.RelayingReceivedLeads;
import fr.rdz.intake.lead.kafka.LeadReceivedPublisher;
import fr.rdz.intake.support.MutableClock;
import fr.rdz.intake.support.RecordingWireServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue #14: intake's lines about one lead logged away from its request, on a thread no consumed event
 * prepared (the Kafka producer's callback, the Mongo driver's thread of the outbox sweep), carry the lead
 * id as {@code correlation_id} and {@code lead_id}, as the lead's stored line does; the phone only masked.
 */
class LeadCorrelationOffTheRequestTest {

    private static final Duration GRACE = Duration.ofSeconds(3);
    private static final String PHONE = "0612345678";

    private final MutableClock clock = new MutableClock();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger relayLogger = (Logger) LoggerFactory.getLogger(RelayingReceivedLeads.class);
    private final Logger storeLogger = (Logger) LoggerFactory.getLogger(LeadStore.class);
    private Level relayLevel;
    private RecordingWireServer wire;
    private IntakeProperties properties;
    private LeadStore store;

    @BeforeEach
    void setUp() {
        wire = new RecordingWireServer("rdz_intake_correlation_test");
        properties = mock(IntakeProperties.class);
        when(properties.groupCommit())
                .thenReturn(new IntakeProperties.GroupCommit(true, 64, Duration.ofMillis(2), 4096));
        when(properties.outbox())
                .thenReturn(new IntakeProperties.Outbox(
                        Duration.ofMillis(200), Duration.ofMinutes(1), GRACE, 500, Duration.ofMillis(20)));
        store = new LeadStore(wire.mongo(), properties, clock);
        relayLevel = relayLogger.getLevel();
        relayLogger.setLevel(Level.DEBUG);
        appender.start();
        relayLogger.addAppender(appender);
        storeLogger.addAppender(appender);
    }

    @AfterEach
    void tearDown() {
        relayLogger.detachAppender(appender);
        storeLogger.detachAppender(appender);
        relayLogger.setLevel(relayLevel);
        wire.close();
    }

    @Test
    void aLeadWhoseEventTheBrokerDidNotAcknowledgeIsLoggedWithItsId() {
        LeadReceivedPublisher publisher = mock(LeadReceivedPublisher.class);
        when(publisher.publish(any()))
                .thenAnswer(call -> CompletableFuture.failedFuture(new TimeoutException("no broker")));
        RelayingReceivedLeads relay = new RelayingReceivedLeads(store, publisher, clock, properties);
        relay.start();
        try {
            assertThat(relay.relay(pendingLead("lead-unacked"))).isTrue();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(List.copyOf(appender.list))
                    .filteredOn(e -> e.getFormattedMessage().startsWith("LeadReceived of lead lead-unacked "))
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.getMDCPropertyMap())
                                .containsEntry("correlation_id", "lead-unacked")
                                .containsEntry("lead_id", "lead-unacked");
                        assertThat(e.getFormattedMessage()).doesNotContain(PHONE);
                    }));
        } finally {
            relay.stop();
        }
    }

    @Test
    void anOutboxEntryDroppedBecauseItsLeadNeverCameIsLoggedWithTheLeadId() {
        // the request died between the outbox entry and the lead (never answered 2xx)
        store.queueForPublication("lead-never", clock.instant()).block();
        clock.advance(GRACE.plus(properties.outbox().orphanGrace()).plusSeconds(1));

        store.pendingPublication(clock.instant().minus(GRACE), 500).blockLast(Duration.ofSeconds(30));

        assertThat(List.copyOf(appender.list))
                .filteredOn(e -> e.getFormattedMessage().startsWith("Outbox entry of lead lead-never dropped"))
                .singleElement()
                .satisfies(e -> assertThat(e.getMDCPropertyMap())
                        .containsEntry("correlation_id", "lead-never")
                        .containsEntry("lead_id", "lead-never"));
    }

    private LeadDocument pendingLead(String id) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        LeadReceived received = new LeadReceived(
                new LeadData(id, at, null, null, null, null, null, null),
                LeadStatus.PENDING,
                List.of(),
                null,
                LeadReceived.ORIGIN_PUBLIC);
        return new LeadDocument(
                id,
                LeadStatus.PENDING,
                LeadReceived.ORIGIN_PUBLIC,
                null,
                PHONE,
                at,
                received,
                new LeadOutbox(UUID.randomUUID().toString(), at, LeadOutbox.PENDING, null));
    }
}
