package fr.rdz.routing.portal.application;

import java.util.Optional;

/**
 * Where a buyer opens the proof of consent of one of its leads from the portal: a signed, expiring
 * {@code consent_proof_url} (issue 16's proof pack). The portal asks this port only for a lead
 * delivered to the caller. Until a signer is wired (the proof pack's {@code SigningProofLinks}, on
 * another branch), {@link #NONE} answers: the portal shows « Pas encore disponible ».
 */
public interface PortalProofLinks {

    /** No proof link is served yet. */
    PortalProofLinks NONE = leadId -> Optional.empty();

    Optional<String> urlFor(String leadId);
}
