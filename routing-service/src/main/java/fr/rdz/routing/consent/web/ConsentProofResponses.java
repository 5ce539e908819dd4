package fr.rdz.routing.consent.web;

import fr.rdz.routing.consent.domain.ConsentProofPack;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The HTTP answers carrying a pack (admin and public routes alike): fixed bytes, hash header, file name. */
final class ConsentProofResponses {

    private ConsentProofResponses() {}

    static ResponseEntity<byte[]> json(ConsentProofPack pack) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(ConsentProofController.HASH_HEADER, ConsentProofDocuments.hash(pack))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(ConsentProofDocuments.json(pack));
    }

    static ResponseEntity<byte[]> pdf(ConsentProofPack pack) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(ConsentProofController.HASH_HEADER, ConsentProofDocuments.hash(pack))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename("preuve-consentement-" + pack.leadId() + ".pdf")
                                .build()
                                .toString())
                .body(ConsentProofDocuments.pdf(pack));
    }
}
