package fr.rdz.delivery.run.application;

/**
 * A record the broker will refuse however often it is sent (over the size limits, unserializable,
 * an unknown or forbidden topic): retrying cannot help, the outbox marks it failed instead.
 */
public class PermanentPublishFailure extends RuntimeException {

    public PermanentPublishFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
