package fr.rdz.notifier.email.web;

import fr.rdz.kit.PortalClient;
import fr.rdz.kit.Problems;
import fr.rdz.notifier.email.application.BatchOwners;
import fr.rdz.notifier.email.application.SentCsvs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /portal/batches/{batch_id}/csv}: a buyer (role {@code client}) downloads the CSV of one
 * of its own batches exactly as it was e-mailed to it. The client id is the token's; a batch of
 * another client answers 404, as an unknown one.
 */
@RestController
@Tag(name = "Portal", description = "A buyer's own batch CSVs (role client)")
class PortalBatchCsvController {

    private final SentCsvs csvs;
    private final BatchOwners owners;

    PortalBatchCsvController(SentCsvs csvs, BatchOwners owners) {
        this.csvs = csvs;
        this.owners = owners;
    }

    @GetMapping("/portal/batches/{batchId}/csv")
    @Operation(summary = "The CSV of one of the caller's batches, byte for byte as e-mailed (404 for any other)")
    Mono<ResponseEntity<byte[]>> csv(@PathVariable String batchId) {
        return PortalClient.current()
                .flatMap(client -> owners.clientOf(batchId).filter(client.clientId()::equals))
                .flatMap(owner -> csvs.find(batchId))
                .map(BatchCsvController::answer)
                .switchIfEmpty(
                        Mono.error(() -> Problems.notFound("no e-mailed CSV for batch " + batchId + " of yours")));
    }
}
