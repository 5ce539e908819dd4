package fr.rdz.routing.consent.web;

import com.fasterxml.jackson.databind.JsonNode;
import fr.rdz.events.Entity;
import fr.rdz.kit.RdzSecurity;
import fr.rdz.routing.consent.application.InvalidFields;
import fr.rdz.routing.consent.application.ManagingConsentTexts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/admin/consent-texts")
@Tag(
        name = "Consent texts",
        description = "The consent wordings leads are collected under and the partners they name (immutable)")
@SecurityRequirement(name = "basic")
class ConsentTextController {

    private final ManagingConsentTexts texts;

    ConsentTextController(ManagingConsentTexts texts) {
        this.texts = texts;
    }

    @PostMapping
    @Operation(
            summary = "Create a consent text",
            description = "Fields: version (CT-NNN generated when absent), entity, wording (exact French text),"
                    + " partner_client_ids[], partner_groups[{name, client_ids[]}], valid_from, valid_until"
                    + " (YYYY-MM-DD). The hash is computed. 201 when created, 200 when the same version with the"
                    + " same terms exists, 409 when the version exists with other terms.")
    Mono<ResponseEntity<ConsentTextView>> create(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @io.swagger.v3.oas.annotations.media.Content(
                                            schema =
                                                    @io.swagger.v3.oas.annotations.media.Schema(
                                                            implementation = ConsentTextFields.class)))
                    @RequestBody(required = false)
                    JsonNode body) {
        ConsentTextRequest request = new ConsentTextRequest(body);
        return RdzSecurity.currentOperator()
                .flatMap(op -> texts.create(op, request.terms, request.errors))
                .map(c -> ResponseEntity.status(c.created() ? HttpStatus.CREATED : HttpStatus.OK)
                        .location(URI.create("/admin/consent-texts/" + c.text().version()))
                        .body(ConsentTextView.of(c.text())));
    }

    @GetMapping
    @Operation(summary = "List consent texts", description = "Of the operator's entities, by version.")
    Flux<ConsentTextView> list(@RequestParam(required = false) Entity entity) {
        return RdzSecurity.currentOperator()
                .flatMapMany(op -> texts.list(op, entity))
                .map(ConsentTextView::of);
    }

    @GetMapping("/{version}")
    @Operation(summary = "One consent text")
    Mono<ConsentTextView> get(@PathVariable String version) {
        return RdzSecurity.currentOperator()
                .flatMap(op -> texts.get(op, version))
                .map(ConsentTextView::of);
    }

    /** RFC 7807 problem details listing every invalid field ({@code errors[]: {field, message}}). */
    @ExceptionHandler(InvalidFields.class)
    ResponseEntity<ProblemDetail> invalid(InvalidFields e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid consent text");
        problem.setProperty("error", e.getMessage());
        problem.setProperty(
                "errors",
                e.errors().stream()
                        .map(f -> Map.of("field", f.field(), "message", f.message()))
                        .toList());
        return ResponseEntity.badRequest()
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
