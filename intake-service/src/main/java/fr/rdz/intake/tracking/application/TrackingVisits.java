package fr.rdz.intake.tracking.application;

import fr.rdz.intake.catalog.application.Catalog;
import fr.rdz.intake.config.IntakeProperties;
import fr.rdz.intake.tracking.domain.Attribution;
import fr.rdz.intake.tracking.domain.OncePerSessionEvents;
import fr.rdz.intake.tracking.domain.SessionReuseRule;
import fr.rdz.rules.LiaisonCode;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Tracking of visits (seed 000 {@code /track/*}): sessions per visitor and LP, reused within 30
 * minutes; funnel events, {@code lp_visit}/{@code cta_click}/{@code form_start} once per session;
 * first-touch UTM/gclid/fbclid kept on the session for the lead.
 */
@Service
public class TrackingVisits {

    private final VisitorSessions store;
    private final TrackingEvents events;
    private final Catalog catalog;
    private final Clock clock;
    private final SessionReuseRule reuse;
    private final SessionCache sessions;

    public TrackingVisits(
            VisitorSessions store, TrackingEvents events, Catalog catalog, Clock clock, IntakeProperties properties) {
        this.store = store;
        this.events = events;
        this.catalog = catalog;
        this.clock = clock;
        this.reuse = new SessionReuseRule(clock);
        this.sessions = new SessionCache(
                properties.sessionCache().maxSessions(),
                properties.sessionCache().ttl(),
                clock);
    }

    public Mono<SessionOpened> openSession(SessionRequest r, String knownVisitorId, String ip, String userAgent) {
        boolean newVisitor = knownVisitorId == null || knownVisitorId.isBlank();
        String visitorId = newVisitor ? UUID.randomUUID().toString() : knownVisitorId;
        String lpCode = nz(r.lpCode());
        String formCode = nz(r.formCode());
        if (!lpCode.isEmpty() && formCode.isEmpty()) {
            formCode = catalog.formOfLp(lpCode).orElse("");
        }
        String resolvedForm = formCode;
        String liaison = LiaisonCode.ofVisit(nz(r.liaisonCode()), lpCode, formCode);
        Mono<SessionOpened> reused = newVisitor || lpCode.isEmpty()
                ? Mono.empty()
                : store.latestSession(visitorId, lpCode, reuse.reusableSince())
                        .doOnNext(this::remember)
                        .map(s -> new SessionOpened(
                                s.id(),
                                visitorId,
                                lpCode,
                                s.formCode() == null ? resolvedForm : s.formCode(),
                                true,
                                false));
        return reused.switchIfEmpty(Mono.defer(() -> {
            Attribution firstTouch = new Attribution(
                    nz(r.utmSource()),
                    nz(r.utmMedium()),
                    nz(r.utmCampaign()),
                    nz(r.utmContent()),
                    nz(r.utmTerm()),
                    nz(r.gclid()),
                    nz(r.fbclid()));
            VisitorSession session = store.newSession(
                    UUID.randomUUID().toString(),
                    visitorId,
                    lpCode,
                    resolvedForm,
                    liaison,
                    nz(r.referrer()),
                    r.userAgent() == null || r.userAgent().isBlank() ? nz(userAgent) : r.userAgent(),
                    firstTouch,
                    nz(ip),
                    clock.instant());
            // the session's attribution is firstTouch: remembered as it is, not read back from the session
            return store.open(session)
                    .doOnNext(s -> sessions.put(s.id(), touchOf(s, firstTouch)))
                    .map(s -> new SessionOpened(s.id(), visitorId, lpCode, resolvedForm, false, newVisitor));
        }));
    }

    public Mono<TrackAnswer> recordLpVisit(Map<String, Object> data, String ip, String userAgent) {
        String sessionId = text(data, "session_id");
        if (sessionId.isEmpty()) {
            return Mono.just(TrackAnswer.refused("session_id requis"));
        }
        return store.session(sessionId)
                .flatMap(session -> {
                    String lpCode = firstNonEmpty(text(data, "lp_code"), session.lpCode());
                    Attribution incoming = attribution(data);
                    TrackingEvent event = event(
                            sessionId,
                            session,
                            OncePerSessionEvents.LP_VISIT,
                            lpCode,
                            null,
                            null,
                            incoming,
                            text(data, "referrer"),
                            firstNonEmpty(text(data, "user_agent"), userAgent),
                            ip);
                    return once(event)
                            .flatMap(answer -> Boolean.TRUE.equals(answer.duplicate())
                                    ? Mono.just(answer)
                                    : store.fill(
                                                    sessionId,
                                                    attributionOf(session).firstTouchFill(incoming))
                                            .then(Mono.fromRunnable(() -> sessions.put(
                                                    session.id(),
                                                    touchOf(
                                                            session,
                                                            attributionOf(session)
                                                                    .filledWith(incoming)))))
                                            .doOnError(e -> sessions.forget(session.id()))
                                            .thenReturn(answer));
                })
                .defaultIfEmpty(TrackAnswer.refused("Session invalide"));
    }

    public Mono<TrackAnswer> recordEvent(Map<String, Object> data, String ip, String userAgent) {
        String sessionId = text(data, "session_id");
        String eventType = text(data, "event_type");
        if (sessionId.isEmpty() || eventType.isEmpty()) {
            return Mono.just(TrackAnswer.refused("session_id et event_type requis"));
        }
        return store.session(sessionId)
                .flatMap(session -> {
                    String lpCode = firstNonEmpty(text(data, "lp_code"), session.lpCode());
                    String formCode = firstNonEmpty(text(data, "form_code"), session.formCode());
                    String liaison = LiaisonCode.ofVisit(
                            firstNonEmpty(text(data, "liaison_code"), session.liaisonCode()), lpCode, formCode);
                    TrackingEvent event = event(
                            sessionId,
                            session,
                            eventType,
                            lpCode,
                            formCode,
                            liaison,
                            Attribution.NONE,
                            "",
                            firstNonEmpty(text(data, "user_agent"), userAgent),
                            ip);
                    return OncePerSessionEvents.isOncePerSession(eventType)
                            ? once(event)
                            : events.insert(event).map(e -> TrackAnswer.recorded(e.eventId()));
                })
                .defaultIfEmpty(TrackAnswer.refused("Session invalide"));
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
        return sessions.get(id).map(Mono::just).orElseGet(() -> store.sessionGrouped(id)
                .doOnNext(this::remember)
                .map(s -> touchOf(s, attributionOf(s))));
    }

    private void remember(VisitorSession s) {
        sessions.put(s.id(), touchOf(s, attributionOf(s)));
    }

    private static SessionTouch touchOf(VisitorSession s, Attribution attribution) {
        return new SessionTouch(s.lpCode(), s.formCode(), s.liaisonCode(), s.referrer(), attribution);
    }

    /** Marks the session converted by the lead (seed: after the lead is stored; off the answer's path). */
    public Mono<Void> markConverted(String sessionId, String leadId) {
        if (sessionId == null || sessionId.isBlank()) {
            return Mono.empty();
        }
        return store.convert(sessionId.strip(), leadId).then();
    }

    private Mono<TrackAnswer> once(TrackingEvent event) {
        return events.insertOnce(event)
                .flatMap(inserted -> inserted
                        ? Mono.just(TrackAnswer.recorded(event.eventId()))
                        : events.event(event.id())
                                .map(first -> TrackAnswer.duplicateOf(first.eventId()))
                                .defaultIfEmpty(TrackAnswer.duplicateOf(null)));
    }

    private TrackingEvent event(
            String sessionId,
            VisitorSession session,
            String type,
            String lpCode,
            String formCode,
            String liaisonCode,
            Attribution a,
            String referrer,
            String userAgent,
            String ip) {
        String eventId = UUID.randomUUID().toString();
        String id = OncePerSessionEvents.isOncePerSession(type) ? sessionId + ":" + type : eventId;
        return events.newEvent(
                id,
                eventId,
                sessionId,
                session.visitorId(),
                type,
                lpCode,
                formCode,
                liaisonCode,
                a,
                referrer,
                userAgent,
                nz(ip),
                clock.instant());
    }

    private static Attribution attribution(Map<String, Object> data) {
        return new Attribution(
                text(data, "utm_source"),
                text(data, "utm_medium"),
                text(data, "utm_campaign"),
                text(data, "utm_content"),
                text(data, "utm_term"),
                text(data, "gclid"),
                text(data, "fbclid"));
    }

    private static Attribution attributionOf(VisitorSession s) {
        return s.attribution();
    }

    private static String text(Map<String, Object> data, String key) {
        Object value = data.get(key);
        return value == null ? "" : value.toString().strip();
    }

    private static String firstNonEmpty(String first, String second) {
        return first != null && !first.isEmpty() ? first : nz(second);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
