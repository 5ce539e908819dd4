package fr.rdz.routing.config;

import fr.rdz.events.ConsentProofLink;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key of the signed public proof links ({@code rdz.crypto.proof-link-secret}, env
 * {@code RDZ_PROOF_LINK_SECRET}, at least 32 bytes; crm-push and notifier sign with the same one).
 * Only the local and test profiles have a fixed development key: elsewhere the service refuses to
 * start without one.
 */
@Configuration
class ProofLinkConfig {

    @Bean
    ConsentProofLink consentProofLink(@Value("${rdz.crypto.proof-link-secret:}") String secret) {
        try {
            return new ConsentProofLink(secret);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "No usable proof-link secret: set RDZ_PROOF_LINK_SECRET (at least 32 bytes). "
                            + "Only the 'local' profile has a default.",
                    e);
        }
    }
}
