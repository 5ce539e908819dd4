package fr.rdz.kit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The console's operator tokens: {@code secret} (env {@code RDZ_CONSOLE_TOKEN_SECRET}, at least 32
 * bytes, shared by the console and every service) signs them with HS256; {@code validity} is how
 * long one token is accepted. A service without a secret accepts no token (HTTP Basic only); the
 * console refuses to start without one.
 */
@ConfigurationProperties("rdz.security.console-token")
public class ConsoleTokenProperties {

    private String secret;
    private Duration validity = Duration.ofMinutes(5);

    public String getSecret() {
        return secret;
    }

    public void setSecret(String secret) {
        this.secret = secret;
    }

    public Duration getValidity() {
        return validity;
    }

    public void setValidity(Duration validity) {
        this.validity = validity;
    }

    public boolean enabled() {
        return secret != null && !secret.isBlank();
    }
}
