package fr.rdz.intake.tracking.application;

import fr.rdz.intake.tracking.domain.Attribution;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** The port to the visitor sessions: read by id (or by visitor + LP pointer), never by a scan. */
public interface VisitorSessions {

    /** Stores a new active session; the visitor's next session call on its LP finds it. */
    Mono<Void> open(VisitorSession session);

    /** The visitor's latest session on this LP if it was opened since {@code since}. */
    Mono<VisitorSession> latestSession(String visitorId, String lpCode, Instant since);

    Mono<VisitorSession> session(String id);

    /** The same read as {@link #session}, grouped with the concurrent ones (the lead path's read). */
    Mono<VisitorSession> sessionGrouped(String id);

    /** Sets the session's first-touch fields that {@code fill} holds (its non-empty ones); others are left as they are. */
    Mono<Void> fillFirstTouch(String sessionId, Attribution fill);

    /** Marks the session converted by the lead (nothing when the session is unknown). */
    Mono<Void> convert(String sessionId, String leadId);
}
