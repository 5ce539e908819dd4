package fr.rdz.events;

import org.apache.kafka.common.serialization.Deserializer;

/** Kafka value deserializer for contract JSON. Wrap it in an error-handling deserializer so a poison record is dead-lettered, not looped on. */
public class EnvelopeDeserializer implements Deserializer<Envelope<?>> {

    @Override
    public Envelope<?> deserialize(String topic, byte[] data) {
        return data == null ? null : EventCodec.decode(data);
    }
}
