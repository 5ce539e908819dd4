package fr.rdz.kit;

import fr.rdz.events.ConsentProofLink;
import fr.rdz.events.LinkingConsentProof;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The signed proof links a service hands to buyers ({@code consent_proof_url}: crm-push's push, notifier's proof
 * attachment), imported by those services ({@code @Import(ConsentProofLinks.class)}): key {@code rdz.crypto.proof-link-secret}
 * (env {@code RDZ_PROOF_LINK_SECRET}, the same as routing's, which verifies them), routing's public address
 * {@code rdz.consent.proof-base-url}, lifetime {@code rdz.consent.proof-link-ttl}. Refuses to start without a key.
 */
@Configuration(proxyBeanMethods = false)
public class ConsentProofLinks {

    @Bean
    LinkingConsentProof linkingConsentProof(
            @Value("${rdz.crypto.proof-link-secret:}") String secret,
            @Value("${rdz.consent.proof-base-url}") String baseUrl,
            @Value("${rdz.consent.proof-link-ttl:P90D}") Duration ttl,
            Clock clock) {
        ConsentProofLink link;
        try {
            link = new ConsentProofLink(secret);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "No usable proof-link secret: set RDZ_PROOF_LINK_SECRET (at least 32 bytes, routing's one); "
                            + "only the local and test profiles have a development key.",
                    e);
        }
        return new LinkingConsentProof(link, baseUrl, ttl, clock);
    }
}
