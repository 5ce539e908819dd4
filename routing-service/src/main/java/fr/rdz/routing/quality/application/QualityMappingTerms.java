package fr.rdz.routing.quality.application;

import io.swagger.v3.oas.annotations.media.Schema;

/** What an operator sends to create ({@code utm_campaign} required) or change a quality mapping. */
@Schema(description = "utm_campaign → quality tier (seed quality_mappings)")
public record QualityMappingTerms(
        @Schema(example = "solaire-idf-premium") String utmCampaign,
        @Schema(description = "1–32 characters: letters, digits, _ or -", example = "premium") String qualityTier,
        @Schema(example = "Campagne premium IDF", nullable = true) String label) {}
