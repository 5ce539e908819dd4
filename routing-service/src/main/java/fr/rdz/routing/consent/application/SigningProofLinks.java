package fr.rdz.routing.consent.application;

import fr.rdz.events.ConsentProofLink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Signs and checks the public links to a lead's proof pack: valid {@code rdz.consent.proof-link-ttl}
 * from now (server clock), under {@code rdz.consent.proof-base-url} (where routing's
 * {@code /public/consent-proofs/} is reachable from outside).
 */
@Service
public class SigningProofLinks {

    /** A signed link and until when it works. */
    public record SignedLink(String url, Instant expiresAt) {}

    private final ConsentProofLink link;
    private final Clock clock;
    private final String baseUrl;
    private final Duration ttl;

    public SigningProofLinks(
            ConsentProofLink link,
            Clock clock,
            @Value("${rdz.consent.proof-base-url}") String baseUrl,
            @Value("${rdz.consent.proof-link-ttl:P90D}") Duration ttl) {
        this.link = link;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.ttl = ttl;
    }

    public SignedLink sign(String leadId) {
        Instant expiresAt = clock.instant().plus(ttl).truncatedTo(ChronoUnit.SECONDS);
        return new SignedLink(link.url(baseUrl, leadId, expiresAt), expiresAt);
    }

    public ConsentProofLink.Check check(String leadId, String expires, String signature) {
        return link.check(leadId, expires, signature, clock.instant());
    }
}
