package fr.rdz.intake.inbound.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.rdz.intake.config.IntakeProperties;
import fr.rdz.intake.inbound.mongo.QuarantineDocument;
import fr.rdz.intake.inbound.mongo.QuarantineStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads a public request body, JSON or {@code text/plain} holding JSON (sendBeacon), at most
 * {@code rdz.intake.max-body} (413 above). A body that is not the expected JSON object is kept in
 * quarantine (raw, size-capped) and refused with 400 and a French message.
 */
@Component
public class PublicBodies {

    private static final Logger log = LoggerFactory.getLogger(PublicBodies.class);
    public static final String TOO_LARGE = "Requête trop volumineuse (64 Kio au maximum).";
    public static final String NOT_JSON =
            "Requête invalide : un objet JSON est attendu. Le contenu reçu a été conservé pour analyse.";

    private final ObjectMapper mapper;
    private final QuarantineStore quarantine;
    private final Callers callers;
    private final Clock clock;
    private final int maxBody;
    private final int quarantineMax;

    public PublicBodies(
            ObjectMapper mapper, QuarantineStore quarantine, Callers callers, Clock clock, IntakeProperties p) {
        this.mapper = mapper;
        this.quarantine = quarantine;
        this.callers = callers;
        this.clock = clock;
        this.maxBody = (int) p.maxBody().toBytes();
        this.quarantineMax = (int) p.quarantineMaxBody().toBytes();
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

    /** The body as {@code type}, or quarantined and refused (400). */
    public <T> Mono<T> readJson(ServerHttpRequest request, Class<T> type) {
        return readJson(request, type, value -> true);
    }

    /** The body as {@code type} when it has {@code shape}; otherwise quarantined and refused (400). */
    public <T> Mono<T> readJson(ServerHttpRequest request, Class<T> type, java.util.function.Predicate<T> shape) {
        return read(request).flatMap(body -> {
            T value = null;
            String reason;
            if (!looksLikeObject(body)) {
                reason = body.length == 0 ? "empty body" : "not a JSON object";
            } else {
                try {
                    value = mapper.readValue(body, type);
                    reason = value == null ? "null" : shape.test(value) ? null : "wrong shape: no lead fields";
                } catch (IOException e) {
                    reason = "wrong shape: " + e.getClass().getSimpleName();
                }
            }
            if (reason == null) {
                return Mono.just(value);
            }
            return quarantine(request, body, reason)
                    .then(Mono.error(new RejectedRequest(HttpStatus.BAD_REQUEST, "invalid_body", NOT_JSON)));
        });
    }

    /** A lenient read for sendBeacon tracking calls (seed {@code parse_beacon_body}): anything unreadable is an empty object. */
    public Mono<java.util.Map<String, Object>> readLenient(ServerHttpRequest request) {
        return read(request).map(body -> {
            try {
                if (looksLikeObject(body)) {
                    @SuppressWarnings("unchecked")
                    java.util.Map<String, Object> map = mapper.readValue(body, java.util.Map.class);
                    if (map != null) {
                        return map;
                    }
                }
            } catch (IOException e) {
                // the seed answers "session_id requis" to an unreadable beacon
            }
            return java.util.Map.of();
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
