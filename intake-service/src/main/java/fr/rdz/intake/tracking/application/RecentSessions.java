package fr.rdz.intake.tracking.application;

import fr.rdz.intake.config.IntakeProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What a lead needs from the sessions this instance opened, reused or filled recently, so that a
 * submission does not read its session from Mongo: bounded (least recently used dropped) and
 * trusted for {@code ttl} only (another instance behind the load balancer may fill a session's
 * first-touch attribution; a miss or an expired entry is read from Mongo).
 */
@Component
class RecentSessions {

    private record Entry(SessionTouch touch, Instant cachedAt) {}

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

    /** Remembers what a lead inherits from {@code session}, its first touch as stored. */
    void remember(VisitorSession session) {
        put(session.id(), session.touch());
    }

    void put(String sessionId, SessionTouch touch) {
        if (maxSessions <= 0) {
            return;
        }
        synchronized (entries) {
            entries.put(sessionId, new Entry(touch, clock.instant()));
        }
    }

    Optional<SessionTouch> get(String sessionId) {
        if (maxSessions <= 0) {
            return Optional.empty();
        }
        synchronized (entries) {
            Entry entry = entries.get(sessionId);
            if (entry == null) {
                return Optional.empty();
            }
            if (entry.cachedAt().plus(ttl).isBefore(clock.instant())) {
                entries.remove(sessionId);
                return Optional.empty();
            }
            return Optional.of(entry.touch());
        }
    }

    void forget(String sessionId) {
        synchronized (entries) {
            entries.remove(sessionId);
        }
    }
}
