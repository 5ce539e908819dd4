package fr.rdz.intake.tracking.application;

import fr.rdz.intake.tracking.domain.Attribution;
import fr.rdz.intake.tracking.domain.OncePerSessionEvents;
import fr.rdz.rules.LiaisonCode;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Recording a funnel event of a session (seed 000 {@code /track/event}): {@code lp_visit}, {@code cta_click} and
 * {@code form_start} once per session ({@link OncePerSessionEvents}: a repeat answers {@code duplicate} with the
 * first event's id), any other step each time. The LP, form and liaison code default to the session's.
 */
@Service
public class RecordingFunnelEvent {

    private final VisitorSessions sessions;
    private final TrackingEvents events;
    private final RecentSessions recent;
    private final Clock clock;

    public RecordingFunnelEvent(VisitorSessions sessions, TrackingEvents events, RecentSessions recent, Clock clock) {
        this.sessions = sessions;
        this.events = events;
        this.recent = recent;
        this.clock = clock;
    }

    /**
     * The session of a tracking call: from memory when this instance opened, reused or filled it recently (what an
     * event takes from it never changes), else read by id — not remembered then: only what this instance stored or
     * the lead path read is.
     */
    Mono<VisitorSession> session(String sessionId) {
        return recent.session(sessionId).map(Mono::just).orElseGet(() -> sessions.session(sessionId));
    }

    public Mono<TrackAnswer> record(TrackingBeacon beacon, String ip, String userAgent) {
        if (beacon.sessionId().isEmpty() || beacon.eventType().isEmpty()) {
            return Mono.just(TrackAnswer.refused("session_id et event_type requis"));
        }
        return session(beacon.sessionId())
                .flatMap(session -> {
                    String lpCode = firstNonEmpty(beacon.lpCode(), session.lpCode());
                    String formCode = firstNonEmpty(beacon.formCode(), session.formCode());
                    String liaison = LiaisonCode.ofVisit(
                            firstNonEmpty(beacon.liaisonCode(), session.liaisonCode()), lpCode, formCode);
                    return record(TrackingEvent.of(
                            session,
                            beacon.eventType(),
                            lpCode,
                            formCode,
                            liaison,
                            Attribution.NONE,
                            "",
                            firstNonEmpty(beacon.userAgent(), userAgent),
                            ip,
                            clock.instant()));
                })
                .defaultIfEmpty(TrackAnswer.refused("Session invalide"));
    }

    /**
     * Records {@code event}: once per session for the steps counted once (a repeat answers the first's id — from
     * memory when this instance stored or read the first for a session it remembers, else from Mongo).
     */
    Mono<TrackAnswer> record(TrackingEvent event) {
        if (!event.oncePerSession()) {
            return events.insert(event).thenReturn(TrackAnswer.recorded(event.eventId()));
        }
        Optional<String> first = recent.onceEvent(event.sessionId(), event.type());
        if (first.isPresent()) {
            return Mono.just(TrackAnswer.duplicateOf(first.get()));
        }
        return events.insertOnce(event).flatMap(inserted -> {
            if (inserted) {
                recent.onceEventStored(event.sessionId(), event.type(), event.eventId());
                return Mono.just(TrackAnswer.recorded(event.eventId()));
            }
            return events.eventId(event.id())
                    .doOnNext(id -> recent.onceEventStored(event.sessionId(), event.type(), id))
                    .map(TrackAnswer::duplicateOf)
                    .defaultIfEmpty(TrackAnswer.duplicateOf(null));
        });
    }

    static String firstNonEmpty(String first, String second) {
        return first != null && !first.isEmpty() ? first : second == null ? "" : second;
    }
}
