package fr.rdz.intake.tracking.mongo;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The latest session of one visitor on one LP, keyed {@code <visitor_id>|<lp_code>}: the session
 * call finds the session to reuse by one {@code _id} lookup instead of a query on
 * {@code visitor_sessions}' visitor, LP and date (a scan of every session on the local wire server).
 * Written after the session itself (a crash in between only means the next call opens a new session).
 */
@Document("visitor_lp_sessions")
public record VisitorLpSessionDocument(@Id String id, String sessionId, Instant createdAt) {

    public static String key(String visitorId, String lpCode) {
        return visitorId + "|" + lpCode;
    }
}
