package fr.rdz.intake.tracking.application;

/** The seed's answer to a tracking call: {@code {success, event_id, duplicate?}} or {@code {success: false, error}}. */
public record TrackAnswer(boolean success, String eventId, Boolean duplicate, String error) {

    static TrackAnswer recorded(String eventId) {
        return new TrackAnswer(true, eventId, null, null);
    }

    static TrackAnswer duplicateOf(String eventId) {
        return new TrackAnswer(true, eventId, true, null);
    }

    static TrackAnswer refused(String error) {
        return new TrackAnswer(false, null, null, error);
    }
}
