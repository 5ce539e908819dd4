package fr.rdz.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import fr.rdz.intake.config.IntakeProperties;
import fr.rdz.intake.lead.mongo.LeadStore;
import fr.rdz.intake.lead.mongo.OutboxBacklogGauge;
import fr.rdz.intake.support.MutableClock;
import fr.rdz.intake.support.RecordingWireServer;
import fr.rdz.intake.tracking.application.TrackingEvent;
import fr.rdz.intake.tracking.application.VisitorSession;
import fr.rdz.intake.tracking.domain.Attribution;
import fr.rdz.intake.tracking.mongo.TrackingStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The double-submit claim and the session reuse, against the Mongo wire server (only unique
 * indexes): every read they send filters on {@code _id} alone, so their cost does not grow with
 * the guards or sessions stored.
 */
class HotPathQueriesTest {

    private final MutableClock clock = new MutableClock();
    private RecordingWireServer wire;
    private LeadStore leads;
    private TrackingStore tracking;

    @BeforeEach
    void setUp() {
        wire = new RecordingWireServer("rdz_intake_hot_path_test");
        IntakeProperties properties = mock(IntakeProperties.class);
        when(properties.groupCommit())
                .thenReturn(new IntakeProperties.GroupCommit(true, 64, Duration.ofMillis(2), 4096));
        when(properties.outbox())
                .thenReturn(new IntakeProperties.Outbox(
                        Duration.ofSeconds(5),
                        Duration.ofMinutes(1),
                        Duration.ofSeconds(3),
                        500,
                        Duration.ofMillis(50)));
        leads = new LeadStore(wire.mongo(), properties, clock);
        tracking = new TrackingStore(wire.mongo(), properties);
    }

    @AfterEach
    void tearDown() {
        wire.close();
    }

    @Test
    void aDoubleClickReadsTheFirstClaimByIdOnly() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant windowStart = now.minusSeconds(5);
        assertThat(leads.claimGuard("session-1|0612345678", "lead-1", now, windowStart)
                        .block())
                .isEmpty();
        wire.forget();

        assertThat(leads.claimGuard("session-1|0612345678", "lead-2", now, windowStart)
                        .block())
                .contains("lead-1");

        assertThat(wire.reads()).isNotEmpty().allSatisfy(HotPathQueriesTest::isIdLookup);
        assertThat(wire.commands())
                .as("no conditional update (a scan of submit_guards there) while the first claim is fresh")
                .noneMatch(c -> c.containsKey("findAndModify"));
    }

    @Test
    void theSessionToReuseIsFoundByIdLookupsAmongManySessionsOfTheVisitor() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        IntStream.range(0, 50)
                .forEach(i -> tracking.open(session("old-" + i, "visitor-1", "LP-" + i, now.minusSeconds(60)))
                        .block());
        tracking.open(session("latest", "visitor-1", "LP-A", now)).block();
        wire.forget();

        Optional<VisitorSession> reused = tracking.latestSession("visitor-1", "LP-A", now.minus(Duration.ofMinutes(30)))
                .blockOptional();
        Optional<VisitorSession> expired =
                tracking.latestSession("visitor-1", "LP-A", now.plusSeconds(1)).blockOptional();
        Optional<VisitorSession> otherLp = tracking.latestSession(
                        "visitor-1", "LP-B", now.minus(Duration.ofMinutes(30)))
                .blockOptional();

        assertThat(reused).map(VisitorSession::id).contains("latest");
        assertThat(expired).as("older than the reuse window").isEmpty();
        assertThat(otherLp).isEmpty();
        List<BsonDocument> reads = wire.reads();
        assertThat(reads).hasSize(4).allSatisfy(HotPathQueriesTest::isIdLookup);
    }

    @Test
    void theTrackingCallsReadAndWriteTheirDocumentsByIdOnly() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        tracking.open(session("s-1", "visitor-1", "LP-A", now)).block();
        TrackingEvent visit = new TrackingEvent(
                "s-1:lp_visit",
                "e-1",
                "s-1",
                "visitor-1",
                "lp_visit",
                "LP-A",
                null,
                null,
                Attribution.NONE,
                "",
                "ua",
                "10.0.0.1",
                now);
        wire.forget();

        tracking.session("s-1").block();
        assertThat(tracking.insertOnce(visit).block()).isTrue();
        assertThat(tracking.insertOnce(visit).block()).as("repeated").isFalse();
        assertThat(tracking.eventId("s-1:lp_visit").block()).isEqualTo("e-1");
        tracking.fillFirstTouch("s-1", new Attribution("google", "", "", "", "", "", ""))
                .block();
        tracking.sessionGrouped("s-1").block();
        tracking.convert("s-1", "lead-1").block();

        assertThat(wire.reads()).hasSize(3).allSatisfy(HotPathQueriesTest::isIdLookup);
        List<BsonDocument> updates = wire.commands().stream()
                .filter(c -> c.containsKey("update"))
                .flatMap(c ->
                        c.getArray("updates").stream().map(u -> u.asDocument().getDocument("q")))
                .toList();
        assertThat(updates).hasSize(2).allSatisfy(q -> assertThat(q.keySet()).containsExactly("_id"));
    }

    @Test
    void theBacklogGaugeReadsNoLead() {
        OutboxBacklogGauge gauge = new OutboxBacklogGauge(wire.mongo(), Duration.ofMinutes(1));
        wire.forget();

        gauge.refresh().block(Duration.ofSeconds(10));

        assertThat(wire.commands())
                .isNotEmpty()
                .as("every minute: a count of the outbox, no query on leads (it read every stored lead)")
                .allSatisfy(c -> assertThat(c.toJson()).doesNotContain("\"leads\""));
    }

    private static void isIdLookup(BsonDocument find) {
        assertThat(find.getDocument("filter").keySet())
                .as("filter of %s", find.toJson())
                .containsExactly("_id");
    }

    private static VisitorSession session(String id, String visitor, String lp, Instant at) {
        return new VisitorSession(id, visitor, lp, "F", lp + "_F", "", "ua", Attribution.NONE, "10.0.0.1", at);
    }
}
