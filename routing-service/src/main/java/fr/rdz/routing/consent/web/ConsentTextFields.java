package fr.rdz.routing.consent.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/**
 * The body of {@code POST /admin/consent-texts} as OpenAPI shows it; {@link ConsentTextRequest} reads
 * the JSON itself so that every invalid field is reported at once.
 */
@Schema(description = "A consent text: its exact French wording and the partners it names")
record ConsentTextFields(
        @Schema(description = "Given, or CT-NNN generated when absent", example = "CT-2026-PV") String version,
        @Schema(example = "ZR7") String entity,
        @Schema(
                        description = "The exact French text the person accepts",
                        example = "J'accepte d'être recontacté(e) par téléphone par les partenaires nommés ci-dessous.")
                String wording,
        @ArraySchema(
                        arraySchema = @Schema(description = "Clients the text names (known clients of the entity)"),
                        schema = @Schema(example = "cl-solaire-pro"))
                List<String> partnerClientIds,
        @Schema(description = "Named groups of clients the text names") List<Group> partnerGroups,
        @Schema(example = "2026-01-01") LocalDate validFrom,
        @Schema(nullable = true) LocalDate validUntil) {

    @Schema(description = "A named group of partner clients")
    record Group(String name, List<String> clientIds) {}
}
