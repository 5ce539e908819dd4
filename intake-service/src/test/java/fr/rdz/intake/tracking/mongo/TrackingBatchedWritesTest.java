package fr.rdz.intake.tracking.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import fr.rdz.intake.config.IntakeProperties;
import fr.rdz.intake.support.RecordingWireServer;
import fr.rdz.intake.tracking.application.TrackingEvent;
import fr.rdz.intake.tracking.application.VisitorSession;
import fr.rdz.intake.tracking.domain.Attribution;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The tracking calls' writes of concurrent requests share one round trip per collection (group commit, as the
 * submitted leads), each request still told its own outcome: a repeated once-per-session event fails alone.
 */
class TrackingBatchedWritesTest {

    private static final int BATCH = 4;
    private final Instant now = Instant.parse("2026-11-28T03:00:00Z").truncatedTo(ChronoUnit.MILLIS);
    private RecordingWireServer wire;
    private TrackingStore tracking;

    @BeforeEach
    void setUp() {
        wire = new RecordingWireServer("rdz_intake_tracking_batches_test");
        IntakeProperties properties = mock(IntakeProperties.class);
        // flushed when BATCH writes wait (the delay is only the fallback of a lone write): one batch per test step
        when(properties.groupCommit())
                .thenReturn(new IntakeProperties.GroupCommit(true, BATCH, Duration.ofMillis(300), 4096));
        tracking = new TrackingStore(wire.mongo(), properties);
    }

    @AfterEach
    void tearDown() {
        wire.close();
    }

    @Test
    void concurrentEventsAreOneInsertAndARepeatFailsAlone() {
        tracking.open(session("s-1", "LP-A")).block();
        assertThat(tracking.insertOnce(event("s-1:lp_visit", "e-1", "lp_visit")).block())
                .isTrue();
        wire.forget();

        List<Object> outcomes = Flux.<Object>mergeSequential(
                        tracking.insertOnce(event("s-1:lp_visit", "e-2", "lp_visit")),
                        tracking.insertOnce(event("s-1:cta_click", "e-3", "cta_click")),
                        tracking.insert(event("e-4", "e-4", "scroll")).thenReturn("e-4"),
                        tracking.insert(event("e-5", "e-5", "scroll")).thenReturn("e-5"))
                .collectList()
                .block();

        assertThat(outcomes).containsExactly(false, true, "e-4", "e-5");
        List<BsonDocument> inserts = inserts("tracking");
        assertThat(inserts).hasSize(1);
        assertThat(inserts.get(0).getArray("documents")).hasSize(BATCH);
        assertThat(inserts.get(0).getBoolean("ordered").getValue()).isFalse();
        assertThat(tracking.eventId("s-1:lp_visit").block())
                .as("the first stays")
                .isEqualTo("e-1");
        assertThat(tracking.eventId("s-1:cta_click").block()).isEqualTo("e-3");
        assertThat(tracking.eventId("e-5").block()).isEqualTo("e-5");
    }

    @Test
    void concurrentSessionsAreOneInsertThenOnePointerWrite() {
        List<VisitorSession> sessions = IntStream.range(0, BATCH)
                .mapToObj(i -> session("s-" + i, "LP-" + i))
                .toList();

        Flux.merge(sessions.stream().map(tracking::open).toList()).blockLast();

        assertThat(inserts("visitor_sessions")).hasSize(1);
        assertThat(inserts("visitor_sessions").get(0).getArray("documents")).hasSize(BATCH);
        List<BsonDocument> pointerWrites = wire.commands().stream()
                .filter(c -> "visitor_lp_sessions"
                        .equals(
                                c.getString("update", null) == null
                                        ? null
                                        : c.getString("update").getValue()))
                .toList();
        assertThat(pointerWrites).hasSize(1);
        assertThat(pointerWrites.get(0).getArray("updates")).hasSize(BATCH);
        for (VisitorSession s : sessions) {
            assertThat(tracking.latestSession("visitor-1", s.lpCode(), now.minusSeconds(60))
                            .map(VisitorSession::id)
                            .block())
                    .isEqualTo(s.id());
            assertThat(tracking.session(s.id()).block()).isEqualTo(s);
        }
    }

    @Test
    void aLoneWriteIsFlushedAfterTheDelay() {
        Mono<Void> alone = tracking.insert(event("e-1", "e-1", "scroll"));

        alone.block(Duration.ofSeconds(30));

        assertThat(tracking.eventId("e-1").block()).isEqualTo("e-1");
    }

    private List<BsonDocument> inserts(String collection) {
        return wire.commands().stream()
                .filter(c -> c.containsKey("insert")
                        && collection.equals(c.getString("insert").getValue()))
                .toList();
    }

    private VisitorSession session(String id, String lp) {
        return new VisitorSession(id, "visitor-1", lp, "F", lp + "_F", "", "ua", Attribution.NONE, "10.0.0.1", now);
    }

    private TrackingEvent event(String id, String eventId, String type) {
        return new TrackingEvent(
                id,
                eventId,
                "s-1",
                "visitor-1",
                type,
                "LP-A",
                "F",
                "LP-A_F",
                Attribution.NONE,
                "",
                "ua",
                "10.0.0.1",
                now);
    }
}
