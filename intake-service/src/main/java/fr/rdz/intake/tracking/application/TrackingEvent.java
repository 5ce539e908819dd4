package fr.rdz.intake.tracking.application;

import fr.rdz.intake.tracking.domain.Attribution;
import fr.rdz.intake.tracking.domain.OncePerSessionEvents;
import java.time.Instant;
import java.util.UUID;

/**
 * One funnel event of a session.
 *
 * @param id {@code <session_id>:<event>} for a once-per-session event (so that two concurrent repeats cannot both be
 *     recorded), else the event id
 * @param type the funnel step ({@code lp_visit}, {@code cta_click}…)
 */
public record TrackingEvent(
        String id,
        String eventId,
        String sessionId,
        String visitorId,
        String type,
        String lpCode,
        String formCode,
        String liaisonCode,
        Attribution attribution,
        String referrer,
        String userAgent,
        String ip,
        Instant createdAt) {

    /** A new event of {@code session} (a new event id), at {@code lpCode} / {@code formCode} of the funnel. */
    static TrackingEvent of(
            VisitorSession session,
            String type,
            String lpCode,
            String formCode,
            String liaisonCode,
            Attribution attribution,
            String referrer,
            String userAgent,
            String ip,
            Instant at) {
        String eventId = UUID.randomUUID().toString();
        return new TrackingEvent(
                OncePerSessionEvents.isOncePerSession(type) ? session.id() + ":" + type : eventId,
                eventId,
                session.id(),
                session.visitorId(),
                type,
                lpCode,
                formCode,
                liaisonCode,
                attribution,
                referrer,
                userAgent,
                ip == null ? "" : ip,
                at);
    }

    boolean oncePerSession() {
        return OncePerSessionEvents.isOncePerSession(type);
    }
}
