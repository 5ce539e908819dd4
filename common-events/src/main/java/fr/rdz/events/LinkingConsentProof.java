package fr.rdz.events;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * The {@code consent_proof_url} a buyer receives with a lead (CRM push, e-mail proof attachment): routing's public pack
 * route ({@link ConsentProofLink}), signed with the shared
 * proof-link secret, valid {@code ttl} from when it is issued (server clock).
 */
public class LinkingConsentProof {

    private final ConsentProofLink link;
    private final String baseUrl;
    private final Duration ttl;
    private final Clock clock;

    public LinkingConsentProof(ConsentProofLink link, String baseUrl, Duration ttl, Clock clock) {
        this.link = link;
        this.baseUrl = baseUrl;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The signed link to the pack of {@code leadId}; null without a lead id. */
    public String urlFor(String leadId) {
        if (leadId == null || leadId.isBlank()) {
            return null;
        }
        return link.url(baseUrl, leadId, clock.instant().plus(ttl).truncatedTo(ChronoUnit.SECONDS));
    }
}
