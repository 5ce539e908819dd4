package fr.rdz.routing.catalog.application;

import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.Entity;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** What an operator sends to create or replace a client. */
@Schema(
        description = "A lead buyer inside one entity. `api_key` is write-only: answers show only `api_key_hint`. "
                + "On update, leave `api_key` out to keep the stored key, or send \"\" to remove it.")
public record ClientTerms(
        @Schema(example = "ZR7", requiredMode = Schema.RequiredMode.REQUIRED) Entity entity,
        @Schema(example = "Solaire Pro", requiredMode = Schema.RequiredMode.REQUIRED) String name,
        @Schema(
                        description = "Addresses receiving the daily CSV (required for channel email or both)",
                        example = "[\"leads@solaire-pro.example.fr\"]")
                List<String> emails,
        @Schema(description = "email, api or both", example = "email", defaultValue = "email")
                DeliveryChannel deliveryChannel,
        @Schema(
                        description = "CRM endpoint (required for channel api or both)",
                        example = "https://crm.solaire-pro.example.fr/lead/api/create_lead/",
                        nullable = true)
                String apiUrl,
        @Schema(
                        description = "CRM API key, write-only (stored encrypted, never returned)",
                        example = "crm_0123456789abcdef",
                        nullable = true,
                        accessMode = Schema.AccessMode.WRITE_ONLY)
                String apiKey,
        @Schema(example = "true", defaultValue = "true") Boolean active) {

    @Override
    public String toString() {
        return "ClientTerms[entity=" + entity + ", name=" + name + ", channel=" + deliveryChannel + "]";
    }
}
