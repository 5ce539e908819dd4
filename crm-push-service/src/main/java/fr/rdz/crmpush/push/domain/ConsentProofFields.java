package fr.rdz.crmpush.push.domain;

import fr.rdz.events.ConsentProof;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The proof of consent a CRM push carries (spec §11), as {@code custom_fields} beside the seed's:
 * {@code consent_at} (server time of the consent, ISO-8601 UTC), {@code consent_text_version},
 * {@code consent_text_hash} (SHA-256 of the catalog wording) and {@code consent_proof_url} (signed,
 * expiring link to the lead's pack), each {@code {value: "..."}}, left out when unknown.
 */
public final class ConsentProofFields {

    private ConsentProofFields() {}

    /** The payload with the proof fields added to its {@code custom_fields} (created when the seed's had none). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> addTo(Map<String, Object> payload, ConsentProof consent, String proofUrl) {
        Map<String, Object> proof = new LinkedHashMap<>();
        if (consent != null) {
            put(
                    proof,
                    "consent_at",
                    consent.consentedAt() == null ? null : consent.consentedAt().toString());
            put(proof, "consent_text_version", consent.consentTextVersion());
            put(proof, "consent_text_hash", consent.consentTextHash());
        }
        put(proof, "consent_proof_url", proofUrl);
        if (proof.isEmpty()) {
            return payload;
        }
        Map<String, Object> custom = new LinkedHashMap<>();
        Object seed = payload.get("custom_fields");
        if (seed instanceof Map<?, ?> existing) {
            custom.putAll((Map<String, Object>) existing);
        }
        custom.putAll(proof);
        Map<String, Object> result = new LinkedHashMap<>(payload);
        result.put("custom_fields", custom);
        return result;
    }

    private static void put(Map<String, Object> fields, String name, String value) {
        if (value != null && !value.isEmpty()) {
            fields.put(name, Map.of("value", value));
        }
    }
}
