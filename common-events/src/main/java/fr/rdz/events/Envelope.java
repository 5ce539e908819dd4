package fr.rdz.events;

import java.time.Instant;
import java.util.UUID;

/**
 * What travels on every topic: a unique {@code event_id} consumers deduplicate on, the logical
 * {@code event_type} and its {@code schema_version}, when the fact occurred (UTC), the entity,
 * the producing service and the payload.
 */
public record Envelope<P extends RdzEvent>(
        UUID eventId,
        String eventType,
        int schemaVersion,
        Instant occurredAt,
        Entity entity,
        String producer,
        P payload) {

    /** A new envelope with a fresh event id. */
    public static <P extends RdzEvent> Envelope<P> of(P payload, String producer, Instant occurredAt) {
        return of(UUID.randomUUID(), payload, producer, occurredAt);
    }

    /** An envelope with a given event id: an outbox fixes the id once so that every retry publishes the same event. */
    public static <P extends RdzEvent> Envelope<P> of(UUID eventId, P payload, String producer, Instant occurredAt) {
        EventType type = EventType.of(payload);
        return new Envelope<>(
                eventId, type.logicalName(), type.schemaVersion(), occurredAt, payload.entity(), producer, payload);
    }

    public EventType type() {
        return EventType.named(eventType);
    }

    public String topic() {
        return type().topic();
    }

    public String key() {
        return payload.key();
    }
}
