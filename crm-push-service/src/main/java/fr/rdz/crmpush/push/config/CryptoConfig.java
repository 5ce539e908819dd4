package fr.rdz.crmpush.push.config;

import fr.rdz.events.SecretBox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The key that opens CRM API keys ({@code rdz.crypto.api-key-secret}, env {@code RDZ_API_KEY_SECRET}): the service refuses to start without it. */
@Configuration(proxyBeanMethods = false)
class CryptoConfig {

    @Bean
    SecretBox apiKeyBox(@Value("${rdz.crypto.api-key-secret:}") String secret) {
        return secretBox(secret);
    }

    static SecretBox secretBox(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException(
                    "No API-key encryption key: set RDZ_API_KEY_SECRET (32 bytes, base64); only the local and test"
                            + " profiles have a development key.");
        }
        return new SecretBox(secret.strip());
    }
}
