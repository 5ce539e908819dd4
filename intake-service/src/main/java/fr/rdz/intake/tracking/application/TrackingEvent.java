package fr.rdz.intake.tracking.application;

/** One recorded funnel event as the store holds it (made by {@link TrackingEvents#newEvent}). */
public interface TrackingEvent {

    /** {@code <session_id>:<event>} for a once-per-session event, else the event id. */
    String id();

    String eventId();
}
