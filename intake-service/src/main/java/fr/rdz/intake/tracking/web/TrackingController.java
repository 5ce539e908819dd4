package fr.rdz.intake.tracking.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.rdz.intake.inbound.web.Callers;
import fr.rdz.intake.inbound.web.JsonFields;
import fr.rdz.intake.inbound.web.PublicBodies;
import fr.rdz.intake.inbound.web.PublicDeadline;
import fr.rdz.intake.tracking.application.OpeningVisitorSession;
import fr.rdz.intake.tracking.application.RecordingFunnelEvent;
import fr.rdz.intake.tracking.application.RecordingLpVisit;
import fr.rdz.intake.tracking.application.SessionOpened;
import fr.rdz.intake.tracking.application.SessionRequest;
import fr.rdz.intake.tracking.application.TrackAnswer;
import fr.rdz.intake.tracking.application.TrackingBeacon;
import fr.rdz.intake.tracking.domain.Attribution;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Tracking calls of the landing-page scripts (seed 000 {@code /track/*}), JSON or {@code text/plain}
 * sendBeacon bodies. The visitor is recognised by the {@code _rdz_vid} cookie (1 year, HttpOnly,
 * SameSite=Lax).
 */
@RestController
public class TrackingController {

    public static final String VISITOR_COOKIE = "_rdz_vid";
    private static final Duration COOKIE_AGE = Duration.ofDays(365);

    /** Bounds of a session body (spec §12): texts with a length limit, every invalid field listed at once. */
    private static final JsonFields SESSION_FIELDS = new JsonFields()
            .text(100, "lp_code", "form_code")
            .text(201, "liaison_code")
            .text(2048, "referrer")
            .text(512, "user_agent", "gclid", "fbclid")
            .text(255, "utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term");

    /** Bounds of a beacon body: the seed reads it leniently, but no field may be unbounded. */
    private static final JsonFields BEACON_FIELDS = new JsonFields()
            .text(100, "session_id", "event_type", "lp_code", "form_code")
            .text(201, "liaison_code")
            .text(2048, "referrer")
            .text(512, "user_agent", "gclid", "fbclid")
            .text(255, "utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term");

    private final PublicBodies bodies;
    private final Callers callers;
    private final OpeningVisitorSession sessions;
    private final RecordingLpVisit lpVisits;
    private final RecordingFunnelEvent events;
    private final PublicDeadline deadline;

    public TrackingController(
            PublicBodies bodies,
            Callers callers,
            OpeningVisitorSession sessions,
            RecordingLpVisit lpVisits,
            RecordingFunnelEvent events,
            PublicDeadline deadline) {
        this.bodies = bodies;
        this.deadline = deadline;
        this.callers = callers;
        this.sessions = sessions;
        this.lpVisits = lpVisits;
        this.events = events;
    }

    /** {@code {success, session_id, visitor_id, lp_code, form_code, reused?}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SessionAnswer(
            boolean success, String sessionId, String visitorId, String lpCode, String formCode, Boolean reused) {}

    /** {@code {success, event_id, duplicate?}} or {@code {success: false, error}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EventAnswer(boolean success, String eventId, Boolean duplicate, String error) {
        static EventAnswer of(TrackAnswer a) {
            return new EventAnswer(a.success(), a.eventId(), a.duplicate(), a.error());
        }
    }

    @Operation(summary = "Open (or continue within 30 min) a visitor session on an LP")
    @PostMapping("/public/track/session")
    public Mono<ResponseEntity<SessionAnswer>> session(ServerHttpRequest request) {
        HttpCookie cookie = request.getCookies().getFirst(VISITOR_COOKIE);
        String visitorId = cookie == null ? null : cookie.getValue();
        return bodies.readJson(request, SessionRequest.class, true, SESSION_FIELDS, r -> true)
                .flatMap(r ->
                        deadline.bound(sessions.open(r, visitorId, callers.ip(request), callers.userAgent(request))))
                .map(this::answer);
    }

    @Operation(summary = "Record the LP visit of a session (once per session); fills first-touch attribution")
    @PostMapping("/public/track/lp-visit")
    public Mono<EventAnswer> lpVisit(ServerHttpRequest request) {
        return bodies.readLenient(request, BEACON_FIELDS)
                .flatMap(data ->
                        deadline.bound(lpVisits.record(beacon(data), callers.ip(request), callers.userAgent(request))))
                .map(EventAnswer::of);
    }

    @Operation(summary = "Record a funnel event (lp_visit, cta_click, form_start once per session)")
    @PostMapping("/public/track/event")
    public Mono<EventAnswer> event(ServerHttpRequest request) {
        return bodies.readLenient(request, BEACON_FIELDS)
                .flatMap(data ->
                        deadline.bound(events.record(beacon(data), callers.ip(request), callers.userAgent(request))))
                .map(EventAnswer::of);
    }

    private ResponseEntity<SessionAnswer> answer(SessionOpened s) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (s.newVisitor()) {
            ok.header(
                    "Set-Cookie",
                    ResponseCookie.from(VISITOR_COOKIE, s.visitorId())
                            .maxAge(COOKIE_AGE)
                            .httpOnly(true)
                            .sameSite("Lax")
                            .path("/")
                            .build()
                            .toString());
        }
        return ok.body(new SessionAnswer(
                true, s.sessionId(), s.visitorId(), s.lpCode(), s.formCode(), s.reused() ? Boolean.TRUE : null));
    }

    /** A beacon body read leniently (the seed's): any scalar is taken as its text, stripped; absent is empty. */
    static TrackingBeacon beacon(Map<String, Object> data) {
        return new TrackingBeacon(
                text(data, "session_id"),
                text(data, "event_type"),
                text(data, "lp_code"),
                text(data, "form_code"),
                text(data, "liaison_code"),
                text(data, "referrer"),
                text(data, "user_agent"),
                new Attribution(
                        text(data, "utm_source"),
                        text(data, "utm_medium"),
                        text(data, "utm_campaign"),
                        text(data, "utm_content"),
                        text(data, "utm_term"),
                        text(data, "gclid"),
                        text(data, "fbclid")));
    }

    private static String text(Map<String, Object> data, String key) {
        Object value = data.get(key);
        return value == null ? "" : value.toString().strip();
    }
}
