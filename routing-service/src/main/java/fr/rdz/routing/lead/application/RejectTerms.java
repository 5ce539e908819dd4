package fr.rdz.routing.lead.application;

import io.swagger.v3.oas.annotations.media.Schema;

/** A client's rejection of a delivered lead. */
@Schema(description = "Rejection of a delivered lead by the client it was delivered to")
public record RejectTerms(
        @Schema(example = "Numéro injoignable", requiredMode = Schema.RequiredMode.REQUIRED) String reason,
        @Schema(
                        description = "The client rejecting; defaults to the last client the lead was delivered to",
                        nullable = true)
                String clientId) {}
