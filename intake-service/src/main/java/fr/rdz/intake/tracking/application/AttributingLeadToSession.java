package fr.rdz.intake.tracking.application;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Attributing a lead to the visitor session it was submitted from: the lead inherits the session's LP, form, liaison
 * code, referrer and first-touch attribution, and the session is marked converted by the lead.
 */
@Service
public class AttributingLeadToSession {

    private final VisitorSessions sessions;
    private final RecentSessions recent;

    public AttributingLeadToSession(VisitorSessions sessions, RecentSessions recent) {
        this.sessions = sessions;
        this.recent = recent;
    }

    /**
     * The session's attribution for a lead: from memory when this instance opened, reused or filled
     * the session recently, else a read by id; empty when there is no such session.
     */
    public Mono<SessionTouch> touch(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            return Mono.empty();
        }
        String id = sessionId.strip();
        return recent.get(id).map(Mono::just).orElseGet(() -> sessions.sessionGrouped(id)
                .doOnNext(recent::remember)
                .map(VisitorSession::touch));
    }

    /** Marks the session converted by the lead (seed: after the lead is stored; off the answer's path). */
    public Mono<Void> markConverted(String sessionId, String leadId) {
        if (sessionId == null || sessionId.isBlank()) {
            return Mono.empty();
        }
        return sessions.convert(sessionId.strip(), leadId);
    }
}
