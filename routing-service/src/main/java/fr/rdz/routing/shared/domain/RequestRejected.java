package fr.rdz.routing.shared.domain;

/**
 * Why an operator's request cannot be carried out, in plain English, with the HTTP meaning the
 * web layer gives it. Thrown by use cases and domain rules; never carries personal data.
 */
public class RequestRejected extends RuntimeException {

    /** What the request ran into. */
    public enum Reason {
        /** The request itself is wrong (400). */
        INVALID,
        /** The operator may not do this (403). */
        FORBIDDEN,
        /** Nothing visible to this operator has that id (404). */
        NOT_FOUND,
        /** The state changed meanwhile or the id is taken (409). */
        CONFLICT
    }

    private final Reason reason;

    public RequestRejected(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public static RequestRejected invalid(String message) {
        return new RequestRejected(Reason.INVALID, message);
    }

    public static RequestRejected forbidden(String message) {
        return new RequestRejected(Reason.FORBIDDEN, message);
    }

    public static RequestRejected notFound(String message) {
        return new RequestRejected(Reason.NOT_FOUND, message);
    }

    public static RequestRejected conflict(String message) {
        return new RequestRejected(Reason.CONFLICT, message);
    }
}
