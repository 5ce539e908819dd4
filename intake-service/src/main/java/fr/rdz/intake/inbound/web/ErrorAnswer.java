package fr.rdz.intake.inbound.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Every refusal, as RFC 7807 problem details ({@code application/problem+json}): {@code type}
 * ({@code urn:rdz:problem:<code>}), {@code title} (the HTTP reason, for operators), {@code status},
 * {@code detail} (French, for the visitor), and — what the landing-page scripts already read —
 * {@code success: false}, {@code error} (the code) and {@code message} (= {@code detail}); {@code
 * errors} lists every invalid field at once.
 */
public record ErrorAnswer(
        String type,
        String title,
        int status,
        String detail,
        boolean success,
        String error,
        String message,
        List<InvalidField> errors) {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    private static final ObjectMapper JSON =
            new ObjectMapper().setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

    /** One invalid field: its name as sent ({@code snake_case}) and what is wrong, in French. */
    public record InvalidField(String field, String message) {}

    public static ErrorAnswer of(HttpStatus status, String code, String message) {
        return of(status, code, message, null);
    }

    public static ErrorAnswer of(HttpStatus status, String code, String message, List<InvalidField> errors) {
        return new ErrorAnswer(
                "urn:rdz:problem:" + code,
                status.getReasonPhrase(),
                status.value(),
                message,
                false,
                code,
                message,
                errors == null || errors.isEmpty() ? null : List.copyOf(errors));
    }

    /** The same answer, written without the application's mapper (filters). */
    public byte[] json() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
