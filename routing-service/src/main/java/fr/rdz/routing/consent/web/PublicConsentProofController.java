package fr.rdz.routing.consent.web;

import fr.rdz.events.ConsentProofLink;
import fr.rdz.routing.consent.application.BuildingConsentProof;
import fr.rdz.routing.consent.application.SigningProofLinks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The public end of {@code consent_proof_url}: anyone holding a valid signed link (a buyer, the
 * person, an inspector) gets the pack, as JSON or PDF ({@code format=pdf}). A tampered or forged
 * link answers 403, an expired one 410, in French (problem details, or a page for a browser),
 * without saying whether the lead exists.
 */
@RestController
@RequestMapping("/public/consent-proofs")
@Tag(name = "Consent proofs")
class PublicConsentProofController {

    private final BuildingConsentProof building;
    private final SigningProofLinks links;

    PublicConsentProofController(BuildingConsentProof building, SigningProofLinks links) {
        this.building = building;
        this.links = links;
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "A lead's proof pack through its signed link (public)",
            description = "expires and signature come from the link (consent_proof_url). format: json (default) or "
                    + "pdf. 403 invalid signature, 410 expired, 404 unknown lead; French messages.")
    Mono<ResponseEntity<?>> get(
            @PathVariable String id,
            @RequestParam(required = false) String expires,
            @RequestParam(required = false) String signature,
            @RequestParam(required = false) @Parameter(description = "json or pdf") String format,
            @Parameter(hidden = true) ServerHttpRequest request) {
        boolean browser = PublicPages.wantsHtml(request);
        ConsentProofLink.Check check = links.check(id, expires, signature);
        if (check == ConsentProofLink.Check.INVALID) {
            return Mono.just(PublicPages.problem(
                    HttpStatus.FORBIDDEN,
                    "Lien invalide",
                    "Ce lien de preuve de consentement n'est pas valide (il est incomplet ou a été modifié). "
                            + "Demandez un nouveau lien à votre fournisseur.",
                    browser));
        }
        if (check == ConsentProofLink.Check.EXPIRED) {
            return Mono.just(PublicPages.problem(
                    HttpStatus.GONE,
                    "Lien expiré",
                    "Ce lien de preuve de consentement a expiré. Demandez un nouveau lien à votre fournisseur.",
                    browser));
        }
        if (format != null && !format.equals("json") && !format.equals("pdf")) {
            return Mono.just(PublicPages.problem(
                    HttpStatus.BAD_REQUEST,
                    "Format inconnu",
                    "Le paramètre format accepte « json » ou « pdf ».",
                    browser));
        }
        return building.forLead(id)
                .<ResponseEntity<?>>map(pack ->
                        "pdf".equals(format) ? ConsentProofResponses.pdf(pack) : ConsentProofResponses.json(pack))
                .defaultIfEmpty(PublicPages.problem(
                        HttpStatus.NOT_FOUND,
                        "Preuve introuvable",
                        "Aucune preuve de consentement ne correspond à ce lien (les données ont pu être effacées).",
                        browser))
                .map(answer -> answer.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)
                        ? answer
                        : ResponseEntity.status(answer.getStatusCode())
                                .headers(answer.getHeaders())
                                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                                .body(answer.getBody()));
    }
}
