package fr.rdz.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;

/**
 * The JSON mapping of the contract: snake_case, ISO-8601 UTC instants and dates, nulls left out,
 * unknown fields ignored (additive changes never break a consumer). Decoding picks the payload
 * type from {@code event_type}.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = configure(JsonMapper.builder()).build();

    private EventCodec() {}

    /** Applies the contract's settings to a builder (services reuse them for their own mappers). */
    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder.addModule(new JavaTimeModule())
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] encode(Envelope<?> envelope) {
        try {
            return MAPPER.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot encode " + envelope.eventType(), e);
        }
    }

    public static Envelope<? extends RdzEvent> decode(byte[] json) {
        try {
            return decode(MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("Not an RDZ event envelope", e);
        }
    }

    public static Envelope<? extends RdzEvent> decode(JsonNode tree) {
        try {
            EventType type = EventType.named(tree.path("event_type").asText());
            RdzEvent payload = MAPPER.treeToValue(tree.path("payload"), type.payloadType());
            return new Envelope<>(
                    UUID.fromString(tree.path("event_id").asText()),
                    type.logicalName(),
                    tree.path("schema_version").asInt(type.schemaVersion()),
                    Instant.parse(tree.path("occurred_at").asText()),
                    tree.hasNonNull("entity")
                            ? Entity.valueOf(tree.get("entity").asText())
                            : null,
                    tree.path("producer").asText(),
                    payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Malformed RDZ event payload", e);
        }
    }
}
