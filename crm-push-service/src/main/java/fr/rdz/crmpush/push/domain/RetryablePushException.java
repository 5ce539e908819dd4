package fr.rdz.crmpush.push.domain;

/** A push that failed in a way worth trying again (5xx, timeout, connection error, open circuit…): routes the task to the next retry topic. */
public class RetryablePushException extends RuntimeException {

    public RetryablePushException(String reason) {
        super(reason, null, false, false);
    }
}
