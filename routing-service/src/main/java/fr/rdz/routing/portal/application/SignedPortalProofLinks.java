package fr.rdz.routing.portal.application;

import fr.rdz.routing.consent.application.SigningProofLinks;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A buyer's lead links to its proof of consent through the same signed, expiring link as the one delivered with it. */
@Component
public class SignedPortalProofLinks implements PortalProofLinks {

    private final SigningProofLinks links;

    public SignedPortalProofLinks(SigningProofLinks links) {
        this.links = links;
    }

    @Override
    public Optional<String> urlFor(String leadId) {
        return Optional.of(links.sign(leadId).url());
    }
}
