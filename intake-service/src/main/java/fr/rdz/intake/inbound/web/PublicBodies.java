package fr.rdz.intake.inbound.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.rdz.intake.config.IntakeProperties;
import fr.rdz.intake.inbound.mongo.QuarantineDocument;
import fr.rdz.intake.inbound.mongo.QuarantineStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads a public request body, at most {@code rdz.intake.max-body} (413 above): strict JSON sent as
 * JSON for the lead and session calls, lenient {@code text/plain} JSON for the sendBeacon tracking
 * calls. A body that is not what is expected is kept in quarantine (raw, size-capped) and refused
 * (400, 415) with a French message.
 */
@Component
public class PublicBodies {

    private static final Logger log = LoggerFactory.getLogger(PublicBodies.class);
    public static final String TOO_LARGE = "Requête trop volumineuse (64 Kio au maximum).";
    public static final String NOT_JSON_TYPE =
            "Type de contenu non pris en charge : envoyez un objet JSON (Content-Type: application/json). Le contenu reçu a été conservé pour analyse.";
    public static final String INVALID_FIELDS = "Requête invalide : champs invalides : ";
    public static final String NOT_JSON =
            "Requête invalide : un objet JSON est attendu. Le contenu reçu a été conservé pour analyse.";

    private final ObjectMapper mapper;
    /** Fails on anything after the object ({@code {"phone":"…"}}}}}}) instead of ignoring it. */
    private final ObjectReader strict;

    /** One reader per body type, made once (a {@code treeToValue} looks its deserializer up on every call). */
    private final java.util.Map<Class<?>, ObjectReader> readers = new java.util.concurrent.ConcurrentHashMap<>();

    private final QuarantineStore quarantine;
    private final Callers callers;
    private final Clock clock;
    private final int maxBody;
    private final int quarantineMax;
    private final java.time.Duration deadline;

    public PublicBodies(
            ObjectMapper mapper, QuarantineStore quarantine, Callers callers, Clock clock, IntakeProperties p) {
        this.mapper = mapper;
        this.strict = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.quarantine = quarantine;
        this.callers = callers;
        this.clock = clock;
        this.maxBody = (int) p.maxBody().toBytes();
        this.quarantineMax = (int) p.quarantineMaxBody().toBytes();
        this.deadline = p.publicDeadline();
    }

    /** The whole body (empty array when there is none). */
    public Mono<byte[]> read(ServerHttpRequest request) {
        return DataBufferUtils.join(request.getBody(), maxBody)
                .map(PublicBodies::bytes)
                .defaultIfEmpty(new byte[0])
                .onErrorMap(
                        DataBufferLimitException.class,
                        e -> new RejectedRequest(HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large", TOO_LARGE));
    }

    /**
     * The body as {@code type} when it is strict JSON (one object, nothing after it) sent as JSON
     * ({@code application/json} or {@code application/*+json}; also {@code text/plain} when {@code
     * beacon} — sendBeacon's type —, else 415), its {@code fields} are valid (every invalid one
     * listed at once) and it has {@code shape}; otherwise kept in quarantine and refused (400 / 415)
     * with a French message.
     */
    public <T> Mono<T> readJson(
            ServerHttpRequest request,
            Class<T> type,
            boolean beacon,
            JsonFields fields,
            java.util.function.Predicate<T> shape) {
        MediaType contentType = request.getHeaders().getContentType();
        if (!isJson(contentType)
                && !(beacon && contentType != null && MediaType.TEXT_PLAIN.isCompatibleWith(contentType))) {
            return read(request).flatMap(body -> quarantine(
                            request, body, "unsupported media type: " + (contentType == null ? "none" : contentType))
                    .then(Mono.error(new RejectedRequest(
                            HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", NOT_JSON_TYPE))));
        }
        return read(request).flatMap(body -> {
            T value = null;
            String reason;
            List<ErrorAnswer.InvalidField> invalid = List.of();
            if (!looksLikeObject(body)) {
                reason = body.length == 0 ? "empty body" : "not a JSON object";
            } else {
                try {
                    JsonNode tree = strict.readTree(body);
                    if (!(tree instanceof ObjectNode object)) {
                        reason = "not a JSON object";
                    } else {
                        invalid = fields.check(object);
                        if (!invalid.isEmpty()) {
                            reason = "wrong shape: invalid fields "
                                    + invalid.stream()
                                            .map(ErrorAnswer.InvalidField::field)
                                            .collect(Collectors.joining(", "));
                        } else {
                            value = readers.computeIfAbsent(type, mapper::readerFor)
                                    .readValue(object);
                            reason = value == null ? "null" : shape.test(value) ? null : "wrong shape: no lead fields";
                        }
                    }
                } catch (IOException e) {
                    reason = "wrong shape: " + e.getClass().getSimpleName();
                }
            }
            if (reason == null) {
                return Mono.just(value);
            }
            RejectedRequest refusal = invalid.isEmpty()
                    ? new RejectedRequest(HttpStatus.BAD_REQUEST, "invalid_body", NOT_JSON)
                    : new RejectedRequest(
                            HttpStatus.BAD_REQUEST,
                            "invalid_fields",
                            INVALID_FIELDS
                                    + invalid.stream()
                                            .map(ErrorAnswer.InvalidField::field)
                                            .collect(Collectors.joining(", "))
                                    + ". Le contenu reçu a été conservé pour analyse.",
                            invalid);
            return quarantine(request, body, reason).then(Mono.error(refusal));
        });
    }

    private static boolean isJson(MediaType type) {
        return type != null
                && (MediaType.APPLICATION_JSON.isCompatibleWith(type)
                        || ("application".equals(type.getType())
                                && type.getSubtype().endsWith("+json")));
    }

    /**
     * A lenient read for sendBeacon tracking calls (seed {@code parse_beacon_body}): anything
     * unreadable is an empty object. Readable fields still have their bounds ({@code fields}): a body
     * breaking one is quarantined and refused (400, every invalid field listed).
     */
    public Mono<java.util.Map<String, Object>> readLenient(ServerHttpRequest request, JsonFields fields) {
        return read(request).flatMap(body -> {
            java.util.Map<String, Object> map = java.util.Map.of();
            List<ErrorAnswer.InvalidField> invalid = List.of();
            try {
                if (looksLikeObject(body) && mapper.readTree(body) instanceof ObjectNode object) {
                    invalid = fields.check(object);
                    @SuppressWarnings("unchecked")
                    java.util.Map<String, Object> read = mapper.treeToValue(object, java.util.Map.class);
                    map = read;
                }
            } catch (IOException e) {
                // the seed answers "session_id requis" to an unreadable beacon
            }
            if (invalid.isEmpty()) {
                return Mono.just(map);
            }
            String names = invalid.stream().map(ErrorAnswer.InvalidField::field).collect(Collectors.joining(", "));
            return quarantine(request, body, "wrong shape: invalid fields " + names)
                    .then(Mono.error(new RejectedRequest(
                            HttpStatus.BAD_REQUEST,
                            "invalid_fields",
                            INVALID_FIELDS + names + ". Le contenu reçu a été conservé pour analyse.",
                            invalid)));
        });
    }

    public Mono<Void> quarantine(ServerHttpRequest request, byte[] body, String reason) {
        boolean truncated = body.length > quarantineMax;
        byte[] kept = truncated ? Arrays.copyOf(body, quarantineMax) : body;
        QuarantineDocument doc = new QuarantineDocument(
                UUID.randomUUID().toString(),
                request.getPath().value(),
                reason,
                request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE),
                callers.ip(request),
                callers.userAgent(request),
                body.length,
                new String(kept, StandardCharsets.UTF_8),
                truncated,
                clock.instant());
        return quarantine
                .keep(doc)
                .timeout(deadline)
                .doOnNext(d -> log.info("Body quarantined: {} on {} ({} bytes)", reason, d.path(), d.size()))
                .then();
    }

    private static boolean looksLikeObject(byte[] body) {
        for (byte b : body) {
            if (b == '{') {
                return true;
            }
            if (b != ' '
                    && b != '\t'
                    && b != '\r'
                    && b != '\n'
                    && b != (byte) 0xEF
                    && b != (byte) 0xBB
                    && b != (byte) 0xBF) {
                return false;
            }
        }
        return false;
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }
}
