package fr.rdz.intake.tracking.application;

import fr.rdz.intake.catalog.application.Catalog;
import fr.rdz.intake.tracking.domain.Attribution;
import fr.rdz.intake.tracking.domain.SessionReuseRule;
import fr.rdz.rules.LiaisonCode;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Opening a visitor session on an LP (seed 000 {@code /track/session}): the same visitor on the same LP within 30
 * minutes continues its session ({@link SessionReuseRule}); otherwise a new session keeps the first-touch
 * UTM/gclid/fbclid for the lead. A visitor without the cookie is a new visitor.
 */
@Service
public class OpeningVisitorSession {

    private final VisitorSessions sessions;
    private final Catalog catalog;
    private final RecentSessions recent;
    private final Clock clock;
    private final SessionReuseRule reuse;

    public OpeningVisitorSession(VisitorSessions sessions, Catalog catalog, RecentSessions recent, Clock clock) {
        this.sessions = sessions;
        this.catalog = catalog;
        this.recent = recent;
        this.clock = clock;
        this.reuse = new SessionReuseRule(clock);
    }

    public Mono<SessionOpened> open(SessionRequest r, String knownVisitorId, String ip, String userAgent) {
        boolean newVisitor = knownVisitorId == null || knownVisitorId.isBlank();
        String visitorId = newVisitor ? UUID.randomUUID().toString() : knownVisitorId;
        String lpCode = nz(r.lpCode());
        String formCode = lpCode.isEmpty() || !nz(r.formCode()).isEmpty()
                ? nz(r.formCode())
                : catalog.formOfLp(lpCode).orElse("");
        Mono<SessionOpened> continued = newVisitor || lpCode.isEmpty()
                ? Mono.empty()
                : sessions.latestSession(visitorId, lpCode, reuse.reusableSince())
                        .doOnNext(recent::remember)
                        .map(s -> new SessionOpened(
                                s.id(),
                                visitorId,
                                lpCode,
                                s.formCode() == null ? formCode : s.formCode(),
                                true,
                                false));
        return continued.switchIfEmpty(Mono.defer(() -> {
            VisitorSession session = new VisitorSession(
                    UUID.randomUUID().toString(),
                    visitorId,
                    lpCode,
                    formCode,
                    LiaisonCode.ofVisit(nz(r.liaisonCode()), lpCode, formCode),
                    nz(r.referrer()),
                    r.userAgent() == null || r.userAgent().isBlank() ? nz(userAgent) : r.userAgent(),
                    firstTouch(r),
                    nz(ip),
                    clock.instant());
            return sessions.open(session)
                    .then(Mono.fromRunnable(() -> recent.remember(session)))
                    .thenReturn(new SessionOpened(session.id(), visitorId, lpCode, formCode, false, newVisitor));
        }));
    }

    private static Attribution firstTouch(SessionRequest r) {
        return new Attribution(
                nz(r.utmSource()),
                nz(r.utmMedium()),
                nz(r.utmCampaign()),
                nz(r.utmContent()),
                nz(r.utmTerm()),
                nz(r.gclid()),
                nz(r.fbclid()));
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
