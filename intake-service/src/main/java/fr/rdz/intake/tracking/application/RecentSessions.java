package fr.rdz.intake.tracking.application;

import fr.rdz.intake.config.IntakeProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The sessions this instance opened, reused or filled recently, so that a submission and the tracking calls of the
 * session do not read it from Mongo: bounded (least recently used dropped) and trusted for {@code ttl} only (another
 * instance behind the load balancer may fill a session's first-touch attribution; a miss or an expired entry is read
 * from Mongo). What a tracking event takes from its session (visitor, LP, form, liaison code) never changes once the
 * session is stored; the first touch is only filled by the session's first LP visit, which is recorded once.
 */
@Component
class RecentSessions {

    /** @param onceEvents the once-per-session events of the session known to be stored: type → event id (under the lock) */
    private record Entry(VisitorSession session, Instant cachedAt, Map<String, String> onceEvents) {}

    private final int maxSessions;
    private final Duration ttl;
    private final Clock clock;
    private final LinkedHashMap<String, Entry> entries;

    RecentSessions(IntakeProperties properties, Clock clock) {
        this.maxSessions = properties.sessionCache().maxSessions();
        this.ttl = properties.sessionCache().ttl();
        this.clock = clock;
        this.entries = new LinkedHashMap<>(Math.min(maxSessions, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > RecentSessions.this.maxSessions;
            }
        };
    }

    /** Remembers {@code session} as stored (its first touch included). */
    void remember(VisitorSession session) {
        if (maxSessions <= 0) {
            return;
        }
        Instant now = clock.instant();
        synchronized (entries) {
            Entry known = entries.get(session.id());
            // the once-per-session events already stored stay known: they never change
            entries.put(session.id(), new Entry(session, now, known == null ? new HashMap<>(4) : known.onceEvents()));
        }
    }

    /**
     * The id of the once-per-session event {@code type} of the session, when this instance recorded (or read) it and
     * still trusts the session: a repeat is answered from it without a Mongo round trip.
     */
    Optional<String> onceEvent(String sessionId, String type) {
        synchronized (entries) {
            Entry entry = trusted(sessionId);
            return entry == null
                    ? Optional.empty()
                    : Optional.ofNullable(entry.onceEvents().get(type));
        }
    }

    /** Notes that the once-per-session event {@code type} of a remembered session is stored as {@code eventId}. */
    void onceEventStored(String sessionId, String type, String eventId) {
        if (eventId == null) {
            return;
        }
        synchronized (entries) {
            Entry entry = entries.get(sessionId);
            if (entry != null) {
                entry.onceEvents().putIfAbsent(type, eventId);
            }
        }
    }

    /** What a lead inherits from the session, when it is remembered and still trusted. */
    Optional<SessionTouch> get(String sessionId) {
        return session(sessionId).map(VisitorSession::touch);
    }

    /** The session as this instance stored or read it, when it is remembered and still trusted. */
    Optional<VisitorSession> session(String sessionId) {
        synchronized (entries) {
            Entry entry = trusted(sessionId);
            return entry == null ? Optional.empty() : Optional.of(entry.session());
        }
    }

    /** Called under the lock: the entry if it is still trusted (an expired one is dropped). */
    private Entry trusted(String sessionId) {
        if (maxSessions <= 0) {
            return null;
        }
        Entry entry = entries.get(sessionId);
        if (entry == null) {
            return null;
        }
        if (entry.cachedAt().plus(ttl).isBefore(clock.instant())) {
            entries.remove(sessionId);
            return null;
        }
        return entry;
    }

    void forget(String sessionId) {
        synchronized (entries) {
            entries.remove(sessionId);
        }
    }
}
