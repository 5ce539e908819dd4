package fr.rdz.routing.shared.web;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import fr.rdz.routing.shared.domain.RequestRejected;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

/**
 * Every refusal as JSON {@code {status, error}} with an English message an operator can act on.
 * Request bodies are never echoed (they may hold an API key or personal data).
 */
@RestControllerAdvice
public class ApiErrorHandler {

    @ExceptionHandler(RequestRejected.class)
    ResponseEntity<Map<String, Object>> rejected(RequestRejected e) {
        HttpStatus status =
                switch (e.reason()) {
                    case INVALID -> HttpStatus.BAD_REQUEST;
                    case FORBIDDEN -> HttpStatus.FORBIDDEN;
                    case NOT_FOUND -> HttpStatus.NOT_FOUND;
                    case CONFLICT -> HttpStatus.CONFLICT;
                };
        return body(status, e.getMessage());
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<Map<String, Object>> badInput(ServerWebInputException e) {
        return body(HttpStatus.BAD_REQUEST, describe(e));
    }

    static String describe(ServerWebInputException e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof InvalidFormatException ife) {
                String field = field(ife);
                Class<?> target = ife.getTargetType();
                if (target != null && target.isEnum()) {
                    String allowed = Arrays.stream(target.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
                    return "invalid value '" + ife.getValue() + "' for " + field + " (expected one of " + allowed + ")";
                }
                return "invalid value '" + ife.getValue() + "' for " + field;
            }
            if (cause instanceof MismatchedInputException mie) {
                return "malformed value for " + field(mie);
            }
            cause = cause.getCause();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DecodingException) {
                return "the body is not valid JSON of the expected shape";
            }
        }
        return e.getReason() == null ? "bad request" : e.getReason();
    }

    private static String field(MismatchedInputException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "the body" : path;
    }

    private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("status", status.value(), "error", message));
    }
}
