package fr.rdz.kit;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many wrong passwords lately for this user name or from this address: refused without checking (429). */
public class LoginThrottled extends AuthenticationException {

    private final Duration retryAfter;

    public LoginThrottled(Duration retryAfter) {
        super("too many failed logins; retry later");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
