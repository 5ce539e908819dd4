package fr.rdz.intake.inbound.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A public request refused with a French message (400, 413, 415, 429…); answered as problem details, never with a stack trace. */
public class RejectedRequest extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<ErrorAnswer.InvalidField> errors;

    public RejectedRequest(HttpStatus status, String code, String message) {
        this(status, code, message, List.of());
    }

    public RejectedRequest(HttpStatus status, String code, String message, List<ErrorAnswer.InvalidField> errors) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<ErrorAnswer.InvalidField> errors() {
        return errors;
    }

    public ErrorAnswer answer() {
        return ErrorAnswer.of(status, code, getMessage(), errors);
    }
}
