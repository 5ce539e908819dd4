package fr.rdz.kit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.codec.json.Jackson2JsonDecoder;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.MimeType;

/**
 * The JSON decoder of request bodies ({@code @RequestBody}), with the application's mapper: on admin
 * routes ({@code /admin/**}) a body with fields the command does not know is refused, so that a
 * misspelt {@code dryRun} never silently means "no dry run"; unknown fields and values of the wrong
 * type are all named at once ({@link UnknownFields}, answered 400 by {@link ProblemDetailsAdvice}).
 * Other routes keep the mapper's leniency; Kafka events are decoded by {@code EventCodec}, never here,
 * and keep ignoring unknown fields.
 */
public class AdminJsonDecoder extends Jackson2JsonDecoder {

    private static final String UNKNOWN_FIELDS = AdminJsonDecoder.class.getName() + ".unknown";

    public AdminJsonDecoder(ObjectMapper mapper) {
        super(mapper);
    }

    @Override
    public Map<String, Object> getDecodeHints(
            ResolvableType actualType,
            ResolvableType elementType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        Map<String, Object> hints = super.getDecodeHints(actualType, elementType, request, response);
        if (!isAdmin(request)) {
            return hints;
        }
        Map<String, Object> strict = new HashMap<>(hints);
        strict.put(UNKNOWN_FIELDS, new ArrayList<ProblemDetailsAdvice.FieldProblem>());
        return strict;
    }

    static boolean isAdmin(ServerHttpRequest request) {
        String path = request.getPath().pathWithinApplication().value();
        return path.equals("/admin") || path.startsWith("/admin/");
    }

    @Override
    protected ObjectReader customizeReader(ObjectReader reader, ResolvableType elementType, Map<String, Object> hints) {
        List<ProblemDetailsAdvice.FieldProblem> unknown = unknownFields(hints);
        ObjectReader customized = super.customizeReader(reader, elementType, hints);
        return unknown == null ? customized : customized.withHandler(new Collecting(unknown));
    }

    @Override
    public Object decode(DataBuffer buffer, ResolvableType targetType, MimeType mimeType, Map<String, Object> hints)
            throws DecodingException {
        Object value = super.decode(buffer, targetType, mimeType, hints);
        List<ProblemDetailsAdvice.FieldProblem> unknown = unknownFields(hints);
        if (unknown != null && !unknown.isEmpty()) {
            throw new UnknownFields(List.copyOf(unknown));
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static List<ProblemDetailsAdvice.FieldProblem> unknownFields(Map<String, Object> hints) {
        return hints == null ? null : (List<ProblemDetailsAdvice.FieldProblem>) hints.get(UNKNOWN_FIELDS);
    }

    /**
     * Notes every unknown field (skipped) and every value of the wrong type (read as null), by JSON
     * path, so that all of them are reported together.
     */
    private static final class Collecting extends DeserializationProblemHandler {
        private final List<ProblemDetailsAdvice.FieldProblem> problems;

        Collecting(List<ProblemDetailsAdvice.FieldProblem> problems) {
            this.problems = problems;
        }

        @Override
        public boolean handleUnknownProperty(
                DeserializationContext context,
                JsonParser parser,
                JsonDeserializer<?> deserializer,
                Object beanOrClass,
                String propertyName)
                throws IOException {
            JsonStreamContext object = parser.getParsingContext();
            if (parser.currentToken() == JsonToken.START_OBJECT || parser.currentToken() == JsonToken.START_ARRAY) {
                object = object.getParent(); // the unknown field's value is a structure: the field is one level up
            }
            String parent = path(object.getParent());
            problems.add(new ProblemDetailsAdvice.FieldProblem(
                    parent.isEmpty() ? propertyName : parent + "." + propertyName, "unknown field"));
            parser.skipChildren();
            return true;
        }

        @Override
        public Object handleWeirdStringValue(
                DeserializationContext context, Class<?> targetType, String value, String failureMsg) {
            return invalid(context, targetType, value);
        }

        @Override
        public Object handleWeirdNumberValue(
                DeserializationContext context, Class<?> targetType, Number value, String failureMsg) {
            return invalid(context, targetType, value);
        }

        private Object invalid(DeserializationContext context, Class<?> targetType, Object value) {
            if (targetType.isPrimitive()) {
                return NOT_HANDLED;
            }
            String field = path(context.getParser().getParsingContext());
            String expected = targetType.isEnum()
                    ? " (expected one of "
                            + String.join(
                                    ", ",
                                    java.util.Arrays.stream(targetType.getEnumConstants())
                                            .map(Object::toString)
                                            .toList())
                            + ")"
                    : " (expected " + targetType.getSimpleName() + ")";
            problems.add(new ProblemDetailsAdvice.FieldProblem(
                    field, "invalid value '" + value + "' for " + field + expected));
            return null;
        }

        private static String path(JsonStreamContext context) {
            LinkedList<String> parts = new LinkedList<>();
            for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
                if (c.inArray()) {
                    parts.addFirst("[" + c.getCurrentIndex() + "]");
                } else if (c.getCurrentName() != null) {
                    parts.addFirst(c.getCurrentName());
                }
            }
            return String.join(".", parts).replace(".[", "[");
        }
    }

    /** A body with fields its command does not have or values of the wrong type: every one of them. */
    public static class UnknownFields extends DecodingException {
        private final List<ProblemDetailsAdvice.FieldProblem> problems;

        public UnknownFields(List<ProblemDetailsAdvice.FieldProblem> problems) {
            super(problems.stream().map(Object::toString).collect(java.util.stream.Collectors.joining("; ")));
            this.problems = problems;
        }

        public List<ProblemDetailsAdvice.FieldProblem> problems() {
            return problems;
        }
    }
}
