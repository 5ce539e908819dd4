package fr.rdz.routing.quality.web;

import com.fasterxml.jackson.databind.JsonNode;
import fr.rdz.kit.RdzSecurity;
import fr.rdz.routing.quality.application.ManagingQualityMappings;
import fr.rdz.routing.quality.application.QualityMapping;
import fr.rdz.routing.quality.application.QualityMappingTerms;
import fr.rdz.routing.shared.domain.InvalidInput;
import fr.rdz.routing.shared.web.StrictJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/admin/quality-mappings")
@Tag(name = "Quality", description = "utm_campaign → quality tier, stored on each lead when routing receives it")
@SecurityRequirement(name = "basic")
class QualityMappingController {

    private final ManagingQualityMappings mappings;
    private final StrictJson json;

    QualityMappingController(ManagingQualityMappings mappings, StrictJson json) {
        this.mappings = mappings;
        this.json = json;
    }

    @Schema(name = "QualityMapping")
    record QualityMappingView(
            String utmCampaign,
            String qualityTier,
            String label,
            Instant createdAt,
            Instant updatedAt,
            String updatedBy) {
        static QualityMappingView of(QualityMapping d) {
            return new QualityMappingView(
                    d.utmCampaign(), d.qualityTier(), d.label(), d.createdAt(), d.updatedAt(), d.updatedBy());
        }
    }

    @GetMapping
    @Operation(summary = "List quality mappings", description = "By utm_campaign.")
    Flux<QualityMappingView> list() {
        return mappings.list().map(QualityMappingView::of);
    }

    @GetMapping("/{utmCampaign}")
    @Operation(summary = "One quality mapping")
    Mono<QualityMappingView> get(@PathVariable String utmCampaign) {
        return mappings.get(utmCampaign).map(QualityMappingView::of);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Give a utm_campaign a quality tier",
            description = "Admins without entity scope; 409 if taken.")
    Mono<QualityMappingView> create(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @io.swagger.v3.oas.annotations.media.Content(
                                            schema =
                                                    @io.swagger.v3.oas.annotations.media.Schema(
                                                            implementation = QualityMappingTerms.class)))
                    @RequestBody
                    JsonNode body) {
        return RdzSecurity.currentOperator()
                .flatMap(op -> {
                    InvalidInput.Collector errors = new InvalidInput.Collector();
                    return mappings.create(op, json.read(body, QualityMappingTerms.class, errors), errors);
                })
                .map(QualityMappingView::of);
    }

    @PutMapping("/{utmCampaign}")
    @Operation(
            summary = "Change the tier (or label) of a utm_campaign",
            description = "Leads already received keep theirs.")
    Mono<QualityMappingView> update(
            @PathVariable String utmCampaign,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @io.swagger.v3.oas.annotations.media.Content(
                                            schema =
                                                    @io.swagger.v3.oas.annotations.media.Schema(
                                                            implementation = QualityMappingTerms.class)))
                    @RequestBody
                    JsonNode body) {
        return RdzSecurity.currentOperator()
                .flatMap(op -> {
                    InvalidInput.Collector errors = new InvalidInput.Collector();
                    return mappings.update(op, utmCampaign, json.read(body, QualityMappingTerms.class, errors), errors);
                })
                .map(QualityMappingView::of);
    }

    @DeleteMapping("/{utmCampaign}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove the mapping of a utm_campaign")
    Mono<Void> delete(@PathVariable String utmCampaign) {
        return RdzSecurity.currentOperator().flatMap(op -> mappings.delete(op, utmCampaign));
    }
}
