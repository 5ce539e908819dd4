package fr.rdz.events;

/** Kafka record headers set on every event, so tools (Kafka UI, kcat) can filter without parsing JSON. */
public final class EventHeaders {

    public static final String EVENT_ID = "event_id";
    public static final String EVENT_TYPE = "event_type";
    public static final String SCHEMA_VERSION = "schema_version";

    private EventHeaders() {}
}
