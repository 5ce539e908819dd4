package fr.rdz.console.config;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the console finds each service (env {@code RDZ_ROUTING_URL} …) and how long it waits for one. */
@ConfigurationProperties("rdz.console.services")
public record ServicesProperties(URI intake, URI routing, URI delivery, URI notifier, URI crmPush, Duration timeout) {

    public ServicesProperties {
        if (timeout == null) {
            timeout = Duration.ofSeconds(10);
        }
    }
}
