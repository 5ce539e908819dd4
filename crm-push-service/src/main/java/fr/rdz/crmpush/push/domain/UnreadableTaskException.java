package fr.rdz.crmpush.push.domain;

/** A task record that cannot be decoded: never retried, straight to the dead-letter topic. */
public class UnreadableTaskException extends RuntimeException {

    public UnreadableTaskException(String message, Throwable cause) {
        super(message, cause);
    }
}
