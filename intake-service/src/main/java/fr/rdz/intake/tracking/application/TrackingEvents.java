package fr.rdz.intake.tracking.application;

import reactor.core.publisher.Mono;

/** The port to the recorded funnel events: written and read by id only. */
public interface TrackingEvents {

    /** Records a once-per-session event; false when its id exists (the event repeated in its session). */
    Mono<Boolean> insertOnce(TrackingEvent event);

    /** Records an event. */
    Mono<Void> insert(TrackingEvent event);

    /** The event id of the event stored under {@code id}; empty when there is none. */
    Mono<String> eventId(String id);
}
