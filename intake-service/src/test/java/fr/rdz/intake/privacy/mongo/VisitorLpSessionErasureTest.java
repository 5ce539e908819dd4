package fr.rdz.intake.privacy.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import fr.rdz.events.LeadStatus;
import fr.rdz.intake.config.IntakeProperties;
import fr.rdz.intake.lead.mongo.LeadDocument;
import fr.rdz.intake.support.RecordingWireServer;
import fr.rdz.intake.tracking.application.VisitorSession;
import fr.rdz.intake.tracking.domain.Attribution;
import fr.rdz.intake.tracking.mongo.TrackingStore;
import fr.rdz.intake.tracking.mongo.VisitorLpSessionDocument;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The visitor+LP pointer of the session reuse holds the visitor id in its key: erasing a lead's
 * person removes its session's pointer, and the retention limit deletes old pointers with the
 * sessions.
 */
class VisitorLpSessionErasureTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private RecordingWireServer wire;
    private TrackingStore tracking;
    private PersonalDataStore personalData;

    @BeforeEach
    void setUp() {
        wire = new RecordingWireServer("rdz_intake_erasure_test");
        IntakeProperties properties = mock(IntakeProperties.class);
        when(properties.groupCommit())
                .thenReturn(new IntakeProperties.GroupCommit(false, 64, Duration.ofMillis(2), 4096));
        tracking = new TrackingStore(wire.mongo(), properties);
        personalData = new PersonalDataStore(wire.mongo());
    }

    @AfterEach
    void tearDown() {
        wire.close();
    }

    @Test
    void erasingALeadRemovesItsSessionsPointerAndOnlyThatOne() {
        tracking.open(session("s-erased", "visitor-1", NOW)).block();
        tracking.open(session("s-kept", "visitor-2", NOW)).block();
        LeadDocument lead =
                new LeadDocument("lead-1", LeadStatus.PENDING, "public", "s-erased", "0612345678", NOW, null, null);
        wire.mongo().insert(lead).block();

        personalData.erase(lead, NOW).block();

        assertThat(pointer("visitor-1")).isNull();
        assertThat(pointer("visitor-2")).isNotNull();
        assertThat(tracking.latestSession("visitor-1", "LP-1", NOW.minusSeconds(60))
                        .blockOptional())
                .isEmpty();
    }

    @Test
    void theRetentionLimitDeletesOldPointersWithTheirSessions() {
        tracking.open(session("s-old", "visitor-old", NOW.minus(Duration.ofDays(10))))
                .block();
        tracking.open(session("s-young", "visitor-young", NOW)).block();

        personalData.deleteSessionsBefore(NOW.minus(Duration.ofDays(1))).block();

        assertThat(pointer("visitor-old")).isNull();
        assertThat(pointer("visitor-young")).isNotNull();
    }

    private VisitorLpSessionDocument pointer(String visitor) {
        return wire.mongo()
                .findById(VisitorLpSessionDocument.key(visitor, "LP-1"), VisitorLpSessionDocument.class)
                .block();
    }

    private static VisitorSession session(String id, String visitor, Instant at) {
        return new VisitorSession(id, visitor, "LP-1", "F", "LP-1_F", "", "ua", Attribution.NONE, "10.0.0.1", at);
    }
}
