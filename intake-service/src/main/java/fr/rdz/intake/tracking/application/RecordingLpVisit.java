package fr.rdz.intake.tracking.application;

import fr.rdz.intake.tracking.domain.Attribution;
import fr.rdz.intake.tracking.domain.OncePerSessionEvents;
import java.time.Clock;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Recording the LP visit of a session (seed 000 {@code /track/lp-visit}): the {@code lp_visit} event, once per session,
 * and the first time only, the visit's UTM/gclid/fbclid fill the session's empty first-touch fields (a field already
 * set is never overwritten).
 */
@Service
public class RecordingLpVisit {

    private final VisitorSessions sessions;
    private final RecordingFunnelEvent events;
    private final RecentSessions recent;
    private final Clock clock;

    public RecordingLpVisit(VisitorSessions sessions, RecordingFunnelEvent events, RecentSessions recent, Clock clock) {
        this.sessions = sessions;
        this.events = events;
        this.recent = recent;
        this.clock = clock;
    }

    public Mono<TrackAnswer> record(TrackingBeacon beacon, String ip, String userAgent) {
        if (beacon.sessionId().isEmpty()) {
            return Mono.just(TrackAnswer.refused("session_id requis"));
        }
        return events.session(beacon.sessionId())
                .flatMap(session -> {
                    Attribution visit = beacon.attribution();
                    TrackingEvent event = TrackingEvent.of(
                            session,
                            OncePerSessionEvents.LP_VISIT,
                            RecordingFunnelEvent.firstNonEmpty(beacon.lpCode(), session.lpCode()),
                            null,
                            null,
                            visit,
                            beacon.referrer(),
                            RecordingFunnelEvent.firstNonEmpty(beacon.userAgent(), userAgent),
                            ip,
                            clock.instant());
                    return events.record(event)
                            .flatMap(answer -> Boolean.TRUE.equals(answer.duplicate())
                                    ? Mono.just(answer)
                                    : fillFirstTouch(session, visit).thenReturn(answer));
                })
                .defaultIfEmpty(TrackAnswer.refused("Session invalide"));
    }

    private Mono<Void> fillFirstTouch(VisitorSession session, Attribution visit) {
        return sessions.fillFirstTouch(session.id(), session.firstTouch().firstTouchFill(visit))
                .then(Mono.fromRunnable(() -> recent.remember(
                        session.withFirstTouch(session.firstTouch().filledWith(visit)))))
                .doOnError(e -> recent.forget(session.id()))
                .then();
    }
}
