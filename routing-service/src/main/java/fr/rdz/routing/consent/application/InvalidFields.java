package fr.rdz.routing.consent.application;

import fr.rdz.routing.shared.domain.RequestRejected;
import java.util.List;
import java.util.stream.Collectors;

/** Every invalid field of one request at once (400, answered as RFC 7807 problem details). */
public class InvalidFields extends RequestRejected {

    /** One invalid field and why, in English. */
    public record FieldError(String field, String message) {}

    private final List<FieldError> errors;

    public InvalidFields(List<FieldError> errors) {
        super(
                Reason.INVALID,
                errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
