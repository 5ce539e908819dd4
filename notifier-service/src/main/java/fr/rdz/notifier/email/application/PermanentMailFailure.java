package fr.rdz.notifier.email.application;

/** A batch that no retry can send (no recipient, an address that is not one): straight to the dead-letter topic. */
public class PermanentMailFailure extends RuntimeException {

    public PermanentMailFailure(String message) {
        super(message);
    }

    public PermanentMailFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
