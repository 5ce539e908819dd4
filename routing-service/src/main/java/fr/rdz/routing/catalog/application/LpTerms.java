package fr.rdz.routing.catalog.application;

import fr.rdz.events.Entity;
import io.swagger.v3.oas.annotations.media.Schema;

/** What an operator sends to create a landing page. */
@Schema(description = "A landing page. Leave `code` empty to get the next free LP-NNN code.")
public record LpTerms(
        @Schema(description = "LP-NNN; generated when absent", example = "LP-001", nullable = true) String code,
        @Schema(description = "Business unit", example = "ZR7", requiredMode = Schema.RequiredMode.REQUIRED)
                Entity entity,
        @Schema(example = "Solaire IDF", requiredMode = Schema.RequiredMode.REQUIRED) String name,
        @Schema(example = "https://solaire.example.fr/") String url,
        @Schema(description = "The form this LP feeds (same entity)", example = "PV-001", nullable = true)
                String formCode) {}
