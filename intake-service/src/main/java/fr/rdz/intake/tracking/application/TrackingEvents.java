package fr.rdz.intake.tracking.application;

import fr.rdz.intake.tracking.domain.Attribution;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** The port to the recorded funnel events. */
public interface TrackingEvents {

    /** An event to record (not stored yet). */
    TrackingEvent newEvent(
            String id,
            String eventId,
            String sessionId,
            String visitorId,
            String type,
            String lpCode,
            String formCode,
            String liaisonCode,
            Attribution attribution,
            String referrer,
            String userAgent,
            String ip,
            Instant createdAt);

    /** Records an event made by {@link #newEvent}; false when its id exists (a once-per-session event repeated). */
    Mono<Boolean> insertOnce(TrackingEvent event);

    /** Records an event made by {@link #newEvent}. */
    Mono<? extends TrackingEvent> insert(TrackingEvent event);

    Mono<? extends TrackingEvent> event(String id);
}
