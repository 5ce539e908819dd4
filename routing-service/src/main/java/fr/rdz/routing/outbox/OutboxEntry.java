package fr.rdz.routing.outbox;

import fr.rdz.events.Envelope;
import fr.rdz.events.EventCodec;
import java.nio.charset.StandardCharsets;

/**
 * An event waiting to be published, stored inside the document whose change caused it (one
 * single-document write: the wire Mongo server has no transactions). The envelope, and so its
 * {@code event_id}, is fixed when the entry is written: every retry publishes the same event.
 */
public record OutboxEntry(String eventId, String topic, String key, String envelope) {

    public static OutboxEntry of(Envelope<?> envelope) {
        return new OutboxEntry(
                envelope.eventId().toString(),
                envelope.topic(),
                envelope.key(),
                new String(EventCodec.encode(envelope), StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "OutboxEntry[eventId=" + eventId + ", topic=" + topic + "]";
    }
}
