package fr.rdz.routing.config;

import fr.rdz.events.SecretBox;
import fr.rdz.routing.catalog.application.ApiKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The CRM API-key cipher ({@code rdz.crypto.api-key-secret}, env {@code RDZ_API_KEY_SECRET}, 32
 * bytes in base64). Only the local and test profiles have a fixed development key: elsewhere the
 * service refuses to start without one.
 */
@Configuration
class CryptoConfig {

    @Bean
    ApiKeys apiKeys(@Value("${rdz.crypto.api-key-secret:}") String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("No API-key encryption secret: set RDZ_API_KEY_SECRET (32 bytes, base64). "
                    + "Only the 'local' profile has a default.");
        }
        SecretBox box;
        try {
            box = new SecretBox(secret.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("RDZ_API_KEY_SECRET must be 32 bytes encoded in base64", e);
        }
        return box::encrypt;
    }
}
