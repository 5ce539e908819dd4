package fr.rdz.routing.consent.web;

import fr.rdz.kit.RdzSecurity;
import fr.rdz.routing.consent.application.BuildingConsentProof;
import fr.rdz.routing.consent.application.SigningProofLinks;
import fr.rdz.routing.consent.domain.ConsentProofPack;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A lead's proof-of-consent pack for operators (admin and viewer, entity scope: another entity's
 * lead answers 404), as JSON or one-page PDF, and a signed public link to it. The console's client
 * portal reuses these routes.
 */
@RestController
@RequestMapping("/admin/leads/{id}")
@Tag(name = "Consent proofs", description = "Proof-of-consent pack of a lead (JSON, PDF) and its signed public link")
@SecurityRequirement(name = "basic")
class ConsentProofController {

    static final String HASH_HEADER = "X-Consent-Proof-Sha256";

    private final BuildingConsentProof building;
    private final SigningProofLinks links;

    ConsentProofController(BuildingConsentProof building, SigningProofLinks links) {
        this.building = building;
        this.links = links;
    }

    @GetMapping(value = "/consent-proof", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The lead's proof-of-consent pack (JSON)",
            description = "Server time, IP (client address under the trusted-proxy rules), user agent, page URL, "
                    + "form/LP/liaison codes, consent text version + SHA-256 + exact wording, each checkbox's state, "
                    + "the partners named, withdrawal if any. Byte-identical on every download; header "
                    + HASH_HEADER + " is the SHA-256 of the body (also printed on the PDF).")
    Mono<ResponseEntity<byte[]>> json(@PathVariable String id) {
        return pack(id).map(ConsentProofResponses::json);
    }

    @GetMapping(value = "/consent-proof.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(
            summary = "The lead's proof-of-consent pack (one-page French PDF)",
            description = "The same facts as the JSON pack, with its SHA-256; byte-identical on every download.")
    Mono<ResponseEntity<byte[]>> pdf(@PathVariable String id) {
        return pack(id).map(ConsentProofResponses::pdf);
    }

    /** A signed public link to the pack. */
    record ProofLinkView(String leadId, String consentProofUrl, String oppositionUrl, Instant expiresAt) {}

    @GetMapping("/consent-proof-link")
    @Operation(
            summary = "A signed, expiring public link to the lead's proof pack",
            description = "The consent_proof_url a buyer receives: HMAC-signed, valid rdz.consent.proof-link-ttl "
                    + "(default 90 days) from now. Add &format=pdf for the PDF. opposition_url: the French page where "
                    + "the person withdraws their consent with the same signature.")
    Mono<ProofLinkView> link(@PathVariable String id) {
        return pack(id).map(p -> {
            SigningProofLinks.SignedLink signed = links.sign(p.leadId());
            return new ProofLinkView(p.leadId(), signed.url(), signed.oppositionUrl(), signed.expiresAt());
        });
    }

    private Mono<ConsentProofPack> pack(String id) {
        return RdzSecurity.currentOperator().flatMap(op -> building.forOperator(op, id));
    }
}
