package fr.rdz.intake.tracking.mongo;

import fr.rdz.intake.tracking.application.TrackingEvent;
import fr.rdz.intake.tracking.application.VisitorSession;
import fr.rdz.intake.tracking.domain.Attribution;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * The stored shape of sessions, visitor+LP pointers and tracking events, written and read field by field (no
 * reflective mapping on the tracking path). The fields are exactly those Spring Data wrote for
 * {@link VisitorSessionDocument}, {@link VisitorLpSessionDocument} and {@link TrackingEventDocument} (null fields
 * left out, {@code _class} kept): existing databases read the same, and those records still read what this writes
 * (privacy, tests).
 */
final class TrackingDocuments {

    static final String SESSIONS = "visitor_sessions";
    static final String LP_SESSIONS = "visitor_lp_sessions";
    static final String EVENTS = "tracking";
    static final String ACTIVE = "active";
    static final String CONVERTED = "converted";

    private TrackingDocuments() {}

    static Document session(VisitorSession s) {
        Document d = new Document("_id", s.id());
        put(d, "visitorId", s.visitorId());
        put(d, "lpCode", s.lpCode());
        put(d, "formCode", s.formCode());
        put(d, "liaisonCode", s.liaisonCode());
        put(d, "referrer", s.referrer());
        put(d, "userAgent", s.userAgent());
        attribution(d, s.firstTouch());
        put(d, "ip", s.ip());
        put(d, "createdAt", date(s.createdAt()));
        d.put("status", ACTIVE);
        d.put("_class", VisitorSessionDocument.class.getName());
        return d;
    }

    static VisitorSession session(Document d) {
        return new VisitorSession(
                d.getString("_id"),
                d.getString("visitorId"),
                d.getString("lpCode"),
                d.getString("formCode"),
                d.getString("liaisonCode"),
                d.getString("referrer"),
                d.getString("userAgent"),
                attribution(d),
                d.getString("ip"),
                instant(d.getDate("createdAt")));
    }

    /** The pointer from a visitor+LP to its latest session, keyed {@link VisitorLpSessionDocument#key}. */
    static Document latestSession(VisitorSession s) {
        return new Document("_id", VisitorLpSessionDocument.key(s.visitorId(), s.lpCode()))
                .append("sessionId", s.id())
                .append("createdAt", date(s.createdAt()))
                .append("_class", VisitorLpSessionDocument.class.getName());
    }

    static Document event(TrackingEvent e) {
        Document d = new Document("_id", e.id());
        put(d, "eventId", e.eventId());
        put(d, "sessionId", e.sessionId());
        put(d, "visitorId", e.visitorId());
        put(d, "event", e.type());
        put(d, "lpCode", e.lpCode());
        put(d, "formCode", e.formCode());
        put(d, "liaisonCode", e.liaisonCode());
        attribution(d, e.attribution());
        put(d, "referrer", e.referrer());
        put(d, "userAgent", e.userAgent());
        put(d, "ip", e.ip());
        put(d, "createdAt", date(e.createdAt()));
        d.put("_class", TrackingEventDocument.class.getName());
        return d;
    }

    /** The {@code $set} of the first-touch fields {@code fill} holds (its non-empty ones). */
    static Document firstTouchFill(Attribution fill) {
        Document set = new Document();
        attribution(set, fill);
        set.values().removeIf(value -> ((String) value).isEmpty());
        return set;
    }

    private static void attribution(Document d, Attribution a) {
        if (a == null) {
            return;
        }
        put(d, "utmSource", a.utmSource());
        put(d, "utmMedium", a.utmMedium());
        put(d, "utmCampaign", a.utmCampaign());
        put(d, "utmContent", a.utmContent());
        put(d, "utmTerm", a.utmTerm());
        put(d, "gclid", a.gclid());
        put(d, "fbclid", a.fbclid());
    }

    private static Attribution attribution(Document d) {
        return new Attribution(
                d.getString("utmSource"),
                d.getString("utmMedium"),
                d.getString("utmCampaign"),
                d.getString("utmContent"),
                d.getString("utmTerm"),
                d.getString("gclid"),
                d.getString("fbclid"));
    }

    private static void put(Document d, String field, Object value) {
        if (value != null) {
            d.put(field, value);
        }
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
