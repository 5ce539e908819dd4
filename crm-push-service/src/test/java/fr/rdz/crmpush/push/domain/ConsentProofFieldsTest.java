package fr.rdz.crmpush.push.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.events.ConsentProof;
import fr.rdz.events.EventSamples;
import fr.rdz.events.Product;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsentProofFieldsTest {

    private static final Instant NOW = Instant.parse("2026-11-20T08:30:00Z");

    @Test
    void addsTheProofAfterTheSeedFieldsAndLeavesOutWhatIsUnknown() {
        Map<String, Object> seed = CrmPayloadMapping.payload(EventSamples.aLead(), Product.PV, NOW);
        ConsentProof consent = EventSamples.aLead().consent();

        Map<String, Object> payload = ConsentProofFields.addTo(seed, consent, "https://p.example/x");

        @SuppressWarnings("unchecked")
        Map<String, Object> custom = (Map<String, Object>) payload.get("custom_fields");
        assertThat(custom.keySet())
                .startsWith("departement")
                .endsWith("utm_campaign", "consent_at", "consent_text_version", "consent_proof_url")
                .doesNotContain("consent_text_hash");
        assertThat(custom.get("consent_at")).isEqualTo(Map.of("value", "2026-11-19T14:02:11Z"));
        assertThat(seed.get("custom_fields")).isNotSameAs(custom);
        assertThat(payload.keySet()).containsExactlyElementsOf(seed.keySet());
    }

    @Test
    void createsCustomFieldsWhenTheSeedHadNone() {
        Map<String, Object> payload = ConsentProofFields.addTo(
                Map.of("phone", "0600000000"), new ConsentProof(true, null, null, null, null, null, null), "u");
        assertThat(payload.get("custom_fields")).isEqualTo(Map.of("consent_proof_url", Map.of("value", "u")));
    }
}
