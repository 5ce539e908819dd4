package fr.rdz.routing.shared.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.rdz.routing.shared.domain.InvalidInput;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Reads a JSON body into a record strictly: every unknown field and every field of the wrong type
 * is reported (RFC 7807 problem detail, with the caller's own checks), instead of being ignored or
 * stopping at the first.
 * Values are never echoed (they may be personal data or secrets).
 */
@Component
public class StrictJson {

    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE =
            new PropertyNamingStrategies.SnakeCaseStrategy();

    private final ObjectMapper mapper;

    public StrictJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The record read from the known, well-typed fields; each unknown or ill-typed field is added to
     * {@code errors} (and left out), so that the caller can add its own checks and report all at once.
     */
    public <T extends Record> T read(JsonNode body, Class<T> type, InvalidInput.Collector errors) {
        if (body == null || !body.isObject()) {
            errors.add("body", "must be a JSON object");
            errors.throwIfAny("the body is invalid");
        }
        Map<String, RecordComponent> fields = new LinkedHashMap<>();
        for (RecordComponent c : type.getRecordComponents()) {
            fields.put(SNAKE.translate(c.getName()), c);
        }
        String allowed = String.join(", ", fields.keySet());
        ObjectNode kept = mapper.createObjectNode();
        body.fieldNames().forEachRemaining(name -> {
            RecordComponent c = fields.get(name);
            if (c == null) {
                errors.add(name, "unknown field (allowed: " + allowed + ")");
                return;
            }
            JsonNode value = body.get(name);
            if (!value.isNull()) {
                try {
                    mapper.readerFor(mapper.constructType(c.getGenericType())).readValue(value);
                } catch (java.io.IOException e) {
                    errors.add(name, expected(c.getType()));
                    return;
                }
            }
            kept.set(name, value);
        });
        try {
            return mapper.treeToValue(kept, type);
        } catch (JsonProcessingException e) {
            errors.add("body", "the body is not valid JSON of the expected shape");
            errors.throwIfAny("the body is invalid");
            throw new IllegalStateException(e);
        }
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "invalid value (expected one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "))
                    + ")";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "invalid value (expected " + type.getSimpleName().toLowerCase() + ")";
        }
        return "invalid value";
    }
}
