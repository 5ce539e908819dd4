package fr.rdz.intake.tracking.application;

import fr.rdz.intake.tracking.domain.Attribution;
import java.time.Instant;

/**
 * A visitor's session on an LP. The store adds its own state (active or converted, by which lead); a field erased
 * for privacy reads as null.
 *
 * @param firstTouch the attribution of the session's first touch (its empty fields may be filled by the LP visit)
 */
public record VisitorSession(
        String id,
        String visitorId,
        String lpCode,
        String formCode,
        String liaisonCode,
        String referrer,
        String userAgent,
        Attribution firstTouch,
        String ip,
        Instant createdAt) {

    /** What a lead inherits from this session, with {@code attribution} as the session's first touch. */
    SessionTouch touch(Attribution attribution) {
        return new SessionTouch(lpCode, formCode, liaisonCode, referrer, attribution);
    }

    SessionTouch touch() {
        return touch(firstTouch);
    }

    /** This session with {@code attribution} as its first touch. */
    VisitorSession withFirstTouch(Attribution attribution) {
        return new VisitorSession(
                id, visitorId, lpCode, formCode, liaisonCode, referrer, userAgent, attribution, ip, createdAt);
    }
}
