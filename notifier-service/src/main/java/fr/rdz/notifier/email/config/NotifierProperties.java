package fr.rdz.notifier.email.config;

import fr.rdz.events.Entity;
import fr.rdz.events.Pii;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code rdz.notifier.*}: one SMTP account per entity ({@code entities.ZR7.smtp.host}…), the
 * folder of operator-edited templates, the lease of a sending attempt. The retry delays
 * ({@code rdz.notifier.retry.*}) are read by the listener's retry-topic annotation.
 */
@ConfigurationProperties("rdz.notifier")
public record NotifierProperties(Map<Entity, EntityAccount> entities, String templatesDir, Duration lease) {

    public NotifierProperties {
        entities = entities == null ? Map.of() : Map.copyOf(entities);
        lease = lease == null ? Duration.ofMinutes(10) : lease;
    }

    /** The account of an entity; refuses to go on without host and from address. */
    public Smtp smtp(Entity entity) {
        EntityAccount account = entities.get(entity);
        Smtp smtp = account == null ? null : account.smtp();
        if (smtp == null || blank(smtp.host()) || blank(smtp.from())) {
            throw new IllegalStateException("rdz.notifier.entities." + entity
                    + ".smtp.host and .from are required (the entity's own SMTP account)");
        }
        return smtp;
    }

    public record EntityAccount(Smtp smtp) {}

    /** One SMTP account. The password is never logged ({@link #toString()} masks it). */
    public record Smtp(
            String host,
            Integer port,
            String username,
            String password,
            String from,
            boolean starttls,
            boolean ssl,
            Duration timeout) {

        public int portOrDefault() {
            return port == null ? (ssl ? 465 : 25) : port;
        }

        public Duration timeoutOrDefault() {
            return timeout == null ? Duration.ofSeconds(30) : timeout;
        }

        @Override
        public String toString() {
            return "Smtp[host=" + host + ", port=" + port + ", username=" + username + ", password="
                    + Pii.maskSecret(password) + ", from=" + from + ", starttls=" + starttls + ", ssl=" + ssl + "]";
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
