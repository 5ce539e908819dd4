package fr.rdz.intake.lead.web;

import fr.rdz.intake.lead.application.ImportingLeads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.StringDecoder;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code POST /admin/leads/import}: NDJSON of original RDZ leads, streamed line by line (admin only). */
@RestController
public class LeadImportController {

    private static final StringDecoder LINES = StringDecoder.allMimeTypes();

    private final ImportingLeads importing;

    public LeadImportController(ImportingLeads importing) {
        this.importing = importing;
    }

    @Operation(
            summary = "Import original RDZ leads (NDJSON); idempotent on their id",
            security = @SecurityRequirement(name = "basic"))
    @PostMapping("/admin/leads/import")
    public Mono<ImportingLeads.ImportReport> importLeads(ServerHttpRequest request) {
        Flux<String> lines = LINES.decode(request.getBody(), ResolvableType.forClass(String.class), null, null);
        return importing.importLines(lines);
    }
}
