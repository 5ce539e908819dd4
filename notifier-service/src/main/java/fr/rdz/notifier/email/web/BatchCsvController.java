package fr.rdz.notifier.email.web;

import fr.rdz.kit.Problems;
import fr.rdz.kit.RdzSecurity;
import fr.rdz.notifier.email.application.SentCsvs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /admin/batches/{batch_id}/csv}: the CSV of a batch exactly as it was e-mailed (bytes and file name). */
@RestController
@SecurityRequirement(name = "basic")
class BatchCsvController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final SentCsvs csvs;

    BatchCsvController(SentCsvs csvs) {
        this.csvs = csvs;
    }

    @GetMapping("/admin/batches/{batchId}/csv")
    @Operation(summary = "The CSV attachment of the batch's e-mail, byte for byte, with the same file name")
    Mono<ResponseEntity<byte[]>> csv(@PathVariable String batchId) {
        return RdzSecurity.currentOperator()
                .flatMap(op -> csvs.find(batchId).filter(csv -> op.canSee(csv.entity())))
                .map(BatchCsvController::answer)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("no e-mailed CSV for batch " + batchId)));
    }

    /** The kept CSV as a download: bytes, file name and mail state as e-mailed; 410 once erased. */
    static ResponseEntity<byte[]> answer(SentCsvs.SentCsv csv) {
        String batchId = csv.batchId();
        if (csv.erased()) {
            throw Problems.gone("the CSV of batch " + batchId + " was erased (personal data)");
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .contentLength(csv.content().length)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(csv.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString());
        if (csv.mailState() != null) {
            answer.header("X-RDZ-Mail-State", csv.mailState());
        }
        return answer.body(csv.content());
    }
}
