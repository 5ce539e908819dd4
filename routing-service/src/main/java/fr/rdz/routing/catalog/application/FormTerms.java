package fr.rdz.routing.catalog.application;

import fr.rdz.events.Entity;
import fr.rdz.events.Product;
import io.swagger.v3.oas.annotations.media.Schema;

/** What an operator sends to create a form. */
@Schema(description = "A lead form. Leave `code` empty to get the next free <PRODUCT>-NNN code (PV-001, PAC-004…).")
public record FormTerms(
        @Schema(description = "<PRODUCT>-NNN; generated when absent", example = "PV-001", nullable = true) String code,
        @Schema(example = "ZR7", requiredMode = Schema.RequiredMode.REQUIRED) Entity entity,
        @Schema(
                        description = "PV (solar), PAC (heat pump), ITE (wall insulation)",
                        example = "PV",
                        requiredMode = Schema.RequiredMode.REQUIRED)
                Product product,
        @Schema(example = "Solaire IDF", requiredMode = Schema.RequiredMode.REQUIRED) String name,
        @Schema(description = "The LP linked to this form (same entity)", example = "LP-001", nullable = true)
                String lpCode,
        @Schema(
                        description = "Thank-you page after submission",
                        example = "https://solaire.example.fr/merci",
                        nullable = true)
                String redirectUrl,
        @Schema(
                        description =
                                "The consent text in force on this form (a version of /admin/consent-texts, same entity)",
                        example = "CT-001",
                        nullable = true)
                String consentTextVersion) {

    /** A form that names no consent text. */
    public FormTerms(String code, Entity entity, Product product, String name, String lpCode, String redirectUrl) {
        this(code, entity, product, name, lpCode, redirectUrl, null);
    }
}
