package fr.rdz.intake.inbound.web;

import org.springframework.http.HttpStatus;

/** A public request refused with a French message (400, 413, 429…); answered as JSON, never with a stack trace. */
public class RejectedRequest extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public RejectedRequest(HttpStatus status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
