package fr.rdz.events;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer: the envelope as contract JSON, plus the {@link EventHeaders}. */
public class EnvelopeSerializer implements Serializer<Envelope<?>> {

    @Override
    public byte[] serialize(String topic, Envelope<?> envelope) {
        return envelope == null ? null : EventCodec.encode(envelope);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, Envelope<?> envelope) {
        if (envelope != null) {
            headers.remove(EventHeaders.EVENT_ID)
                    .add(EventHeaders.EVENT_ID, bytes(envelope.eventId().toString()));
            headers.remove(EventHeaders.EVENT_TYPE).add(EventHeaders.EVENT_TYPE, bytes(envelope.eventType()));
            headers.remove(EventHeaders.SCHEMA_VERSION)
                    .add(EventHeaders.SCHEMA_VERSION, bytes(Integer.toString(envelope.schemaVersion())));
        }
        return serialize(topic, envelope);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
