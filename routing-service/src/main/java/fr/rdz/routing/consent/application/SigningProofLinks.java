package fr.rdz.routing.consent.application;

import fr.rdz.events.ConsentProofLink;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

    /**
     * A signed link to the pack, the same signature on the opposition page (the person withdraws
     * their consent in one click), and until when both work.
     */
    public record SignedLink(String url, String oppositionUrl, Instant expiresAt) {}

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
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        String opposition = base + "/public/opposition?lead_id=" + URLEncoder.encode(leadId, StandardCharsets.UTF_8)
                + "&expires=" + expiresAt.getEpochSecond() + "&signature=" + link.signature(leadId, expiresAt);
        return new SignedLink(link.url(baseUrl, leadId, expiresAt), opposition, expiresAt);
    }

    public ConsentProofLink.Check check(String leadId, String expires, String signature) {
        return link.check(leadId, expires, signature, clock.instant());
    }
}
