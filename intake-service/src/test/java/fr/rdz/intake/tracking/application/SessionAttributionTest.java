package fr.rdz.intake.tracking.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import fr.rdz.intake.catalog.application.Catalog;
import fr.rdz.intake.config.IntakeProperties;
import fr.rdz.intake.tracking.domain.Attribution;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * What a lead inherits from its session, across the tracking use cases that share {@link RecentSessions}: the
 * session this instance opened or filled is answered from memory, with the first touch as the LP visit left it.
 */
class SessionAttributionTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    private static final Attribution GOOGLE = new Attribution("google", "", "", "", "", "", "");

    private final InMemorySessions sessions = new InMemorySessions();
    private final Map<String, TrackingEvent> events = new ConcurrentHashMap<>();
    private final AtomicInteger eventWrites = new AtomicInteger();
    private final AtomicInteger eventIdReads = new AtomicInteger();
    private OpeningVisitorSession opening;
    private RecordingLpVisit lpVisits;
    private AttributingLeadToSession attributing;
    private RecordingFunnelEvent funnelEvents;

    @BeforeEach
    void setUp() {
        IntakeProperties properties = mock(IntakeProperties.class);
        when(properties.sessionCache()).thenReturn(new IntakeProperties.SessionCache(100, Duration.ofMinutes(30)));
        RecentSessions recent = new RecentSessions(properties, CLOCK);
        Catalog catalog = mock(Catalog.class);
        when(catalog.formOfLp("LP-1")).thenReturn(Optional.of("F-1"));
        TrackingEvents store = new TrackingEvents() {
            @Override
            public Mono<Boolean> insertOnce(TrackingEvent event) {
                return Mono.fromSupplier(() -> {
                    eventWrites.incrementAndGet();
                    return events.putIfAbsent(event.id(), event) == null;
                });
            }

            @Override
            public Mono<Void> insert(TrackingEvent event) {
                return Mono.fromRunnable(() -> events.put(event.id(), event));
            }

            @Override
            public Mono<String> eventId(String id) {
                return Mono.fromRunnable(eventIdReads::incrementAndGet)
                        .then(Mono.justOrEmpty(events.get(id)))
                        .map(TrackingEvent::eventId);
            }
        };
        opening = new OpeningVisitorSession(sessions, catalog, recent, CLOCK);
        funnelEvents = new RecordingFunnelEvent(sessions, store, recent, CLOCK);
        lpVisits = new RecordingLpVisit(sessions, funnelEvents, recent, CLOCK);
        attributing = new AttributingLeadToSession(sessions, recent);
    }

    @Test
    void aLeadInheritsTheSessionThisInstanceOpenedWithoutReadingIt() {
        SessionOpened opened = open();

        SessionTouch touch = attributing.touch(" " + opened.sessionId() + " ").block();

        assertThat(touch).isEqualTo(new SessionTouch("LP-1", "F-1", "LP-1_F-1", "https://ref", Attribution.NONE));
        assertThat(sessions.reads).hasValue(0);
    }

    @Test
    void theFirstLpVisitFillsTheFirstTouchTheLeadInherits() {
        SessionOpened opened = open();

        TrackAnswer visit = lpVisits.record(beacon(opened.sessionId(), GOOGLE), "10.0.0.1", "ua")
                .block();
        TrackAnswer repeat = lpVisits.record(
                        beacon(opened.sessionId(), new Attribution("bing", "cpc", "", "", "", "", "")),
                        "10.0.0.1",
                        "ua")
                .block();

        assertThat(repeat.duplicate()).isTrue();
        assertThat(repeat.eventId()).isEqualTo(visit.eventId());
        assertThat(sessions.stored.get(opened.sessionId()).firstTouch()).isEqualTo(GOOGLE);
        assertThat(attributing.touch(opened.sessionId()).block().attribution())
                .as("from memory, as the first visit filled it; the repeat fills nothing")
                .isEqualTo(GOOGLE);
    }

    @Test
    void aSessionOpenedElsewhereIsReadByIdAndThenRemembered() {
        VisitorSession elsewhere = new VisitorSession(
                "s-other", "visitor-2", "LP-2", "F-2", "LP-2_F-2", "", "ua", GOOGLE, "10.0.0.2", CLOCK.instant());
        sessions.stored.put(elsewhere.id(), elsewhere);

        attributing.touch("s-other").block();
        SessionTouch again = attributing.touch("s-other").block();

        assertThat(again).isEqualTo(new SessionTouch("LP-2", "F-2", "LP-2_F-2", "", GOOGLE));
        assertThat(sessions.reads).hasValue(1);
        assertThat(attributing.touch("unknown").blockOptional()).isEmpty();
    }

    @Test
    void theTrackingCallsOfASessionThisInstanceOpenedDoNotReadIt() {
        SessionOpened opened = open();

        TrackAnswer visit = lpVisits.record(beacon(opened.sessionId(), GOOGLE), "10.0.0.1", "ua")
                .block();
        TrackAnswer click = funnelEvents
                .record(event(opened.sessionId(), "cta_click"), "10.0.0.1", "ua")
                .block();
        TrackAnswer start = funnelEvents
                .record(event(opened.sessionId(), "form_start"), "10.0.0.1", "ua")
                .block();

        assertThat(sessions.trackingReads).as("the session came from memory").hasValue(0);
        assertThat(visit.success() && click.success() && start.success()).isTrue();
        TrackingEvent clickStored = events.get(opened.sessionId() + ":cta_click");
        assertThat(clickStored.visitorId()).isEqualTo(opened.visitorId());
        assertThat(clickStored.lpCode()).isEqualTo("LP-1");
        assertThat(clickStored.formCode()).isEqualTo("F-1");
        assertThat(clickStored.liaisonCode()).isEqualTo("LP-1_F-1");
        assertThat(attributing.touch(opened.sessionId()).block().attribution())
                .as("the LP visit's fill is remembered")
                .isEqualTo(GOOGLE);
    }

    @Test
    void aTrackingCallOfASessionOpenedElsewhereReadsItEachTime() {
        VisitorSession elsewhere = new VisitorSession(
                "s-other", "visitor-2", "LP-2", "F-2", "LP-2_F-2", "", "ua", GOOGLE, "10.0.0.2", CLOCK.instant());
        sessions.stored.put(elsewhere.id(), elsewhere);

        funnelEvents.record(event("s-other", "cta_click"), "10.0.0.1", "ua").block();
        funnelEvents.record(event("s-other", "scroll"), "10.0.0.1", "ua").block();
        TrackAnswer unknown = funnelEvents
                .record(event("unknown", "cta_click"), "10.0.0.1", "ua")
                .block();

        assertThat(sessions.trackingReads)
                .as("read by id, not remembered: another instance may fill its first touch")
                .hasValue(3);
        assertThat(events.get("s-other:cta_click").lpCode()).isEqualTo("LP-2");
        assertThat(unknown.success()).isFalse();
        assertThat(unknown.error()).isEqualTo("Session invalide");
    }

    @Test
    void aRepeatedOncePerSessionStepOfASessionThisInstanceRecordedIsAnsweredFromMemory() {
        SessionOpened opened = open();
        TrackAnswer first = funnelEvents
                .record(event(opened.sessionId(), "cta_click"), "10.0.0.1", "ua")
                .block();

        TrackAnswer repeat = funnelEvents
                .record(event(opened.sessionId(), "cta_click"), "10.0.0.1", "ua")
                .block();
        TrackAnswer visitRepeat = lpVisits.record(beacon(opened.sessionId(), GOOGLE), "10.0.0.1", "ua")
                .then(lpVisits.record(
                        beacon(opened.sessionId(), new Attribution("bing", "", "", "", "", "", "")), "10.0.0.1", "ua"))
                .block();

        assertThat(repeat).isEqualTo(new TrackAnswer(true, first.eventId(), true, null));
        assertThat(visitRepeat.duplicate()).isTrue();
        assertThat(eventWrites).as("one write per step, none for the repeats").hasValue(2);
        assertThat(eventIdReads).hasValue(0);
        assertThat(sessions.stored.get(opened.sessionId()).firstTouch()).isEqualTo(GOOGLE);
    }

    @Test
    void aRepeatOfAStepRecordedElsewhereReadsTheFirstIdOnceThenAnswersFromMemory() {
        SessionOpened opened = open();
        String elsewhere = "first-recorded-by-another-instance";
        events.put(
                opened.sessionId() + ":form_start",
                new TrackingEvent(
                        opened.sessionId() + ":form_start",
                        elsewhere,
                        opened.sessionId(),
                        opened.visitorId(),
                        "form_start",
                        "LP-1",
                        "F-1",
                        "LP-1_F-1",
                        Attribution.NONE,
                        "",
                        "ua",
                        "10.0.0.9",
                        CLOCK.instant()));

        TrackAnswer repeat = funnelEvents
                .record(event(opened.sessionId(), "form_start"), "10.0.0.1", "ua")
                .block();
        TrackAnswer again = funnelEvents
                .record(event(opened.sessionId(), "form_start"), "10.0.0.1", "ua")
                .block();

        assertThat(repeat).isEqualTo(new TrackAnswer(true, elsewhere, true, null));
        assertThat(again).isEqualTo(repeat);
        assertThat(eventWrites).hasValue(1);
        assertThat(eventIdReads).hasValue(1);
    }

    private static TrackingBeacon event(String sessionId, String type) {
        return new TrackingBeacon(sessionId, type, "", "", "", "", "", Attribution.NONE);
    }

    private SessionOpened open() {
        SessionRequest request =
                new SessionRequest("LP-1", null, null, "https://ref", null, null, null, null, null, null, null, null);
        return opening.open(request, null, "10.0.0.1", "ua").block();
    }

    private static TrackingBeacon beacon(String sessionId, Attribution attribution) {
        return new TrackingBeacon(sessionId, "", "", "", "", "", "", attribution);
    }

    /** The sessions port in memory, counting the reads of the lead path. */
    private static final class InMemorySessions implements VisitorSessions {
        private final Map<String, VisitorSession> stored = new ConcurrentHashMap<>();
        private final AtomicInteger reads = new AtomicInteger();
        private final AtomicInteger trackingReads = new AtomicInteger();

        @Override
        public Mono<Void> open(VisitorSession session) {
            return Mono.fromRunnable(() -> stored.put(session.id(), session));
        }

        @Override
        public Mono<VisitorSession> latestSession(String visitorId, String lpCode, Instant since) {
            return Mono.empty();
        }

        @Override
        public Mono<VisitorSession> session(String id) {
            return Mono.fromRunnable(trackingReads::incrementAndGet).then(Mono.fromSupplier(() -> stored.get(id)));
        }

        @Override
        public Mono<VisitorSession> sessionGrouped(String id) {
            return Mono.fromRunnable(reads::incrementAndGet).then(Mono.fromSupplier(() -> stored.get(id)));
        }

        @Override
        public Mono<Void> fillFirstTouch(String sessionId, Attribution fill) {
            return Mono.fromRunnable(() -> stored.computeIfPresent(
                    sessionId,
                    (id, s) -> new VisitorSession(
                            s.id(),
                            s.visitorId(),
                            s.lpCode(),
                            s.formCode(),
                            s.liaisonCode(),
                            s.referrer(),
                            s.userAgent(),
                            s.firstTouch().filledWith(fill),
                            s.ip(),
                            s.createdAt())));
        }

        @Override
        public Mono<Void> convert(String sessionId, String leadId) {
            return Mono.empty();
        }
    }
}
