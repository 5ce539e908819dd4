package fr.rdz.intake.tracking.application;

import fr.rdz.intake.tracking.domain.Attribution;
import java.time.Instant;
import java.util.Map;
import reactor.core.publisher.Mono;

/** The port to the visitor sessions: read by id (or by visitor + LP pointer), never by a scan. */
public interface VisitorSessions {

    /** A new active session (not stored yet). */
    VisitorSession newSession(
            String id,
            String visitorId,
            String lpCode,
            String formCode,
            String liaisonCode,
            String referrer,
            String userAgent,
            Attribution firstTouch,
            String ip,
            Instant createdAt);

    /** Stores a session made by {@link #newSession}; the visitor's next session call on its LP finds it. */
    Mono<? extends VisitorSession> open(VisitorSession session);

    /** The visitor's latest session on this LP if it was opened since {@code since}. */
    Mono<? extends VisitorSession> latestSession(String visitorId, String lpCode, Instant since);

    Mono<? extends VisitorSession> session(String id);

    /** The same read as {@link #session}, grouped with the concurrent ones (the lead path's read). */
    Mono<? extends VisitorSession> sessionGrouped(String id);

    /** Sets the given first-touch fields (by {@link Attribution#firstTouchFill} name) of the session. */
    Mono<Void> fill(String sessionId, Map<String, String> fields);

    /** Marks the session converted by the lead; emits the session as it was, or nothing when unknown. */
    Mono<? extends VisitorSession> convert(String sessionId, String leadId);
}
