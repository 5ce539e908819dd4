package fr.rdz.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConsentProofLinkTest {

    private static final String SECRET = "test-proof-link-secret-0123456789abcdef";
    private static final Instant EXPIRES = Instant.parse("2026-12-31T10:00:00Z");
    private final ConsentProofLink link = new ConsentProofLink(SECRET);

    @Test
    void aLinkIsValidUntilItsExpiryThenExpired() {
        String url = link.url("https://proof.example/", "lead-1", EXPIRES);
        assertThat(url)
                .startsWith("https://proof.example/public/consent-proofs/lead-1?expires=" + EXPIRES.getEpochSecond()
                        + "&signature=");
        String signature = url.substring(url.indexOf("signature=") + "signature=".length());
        String expires = Long.toString(EXPIRES.getEpochSecond());

        assertThat(link.check("lead-1", expires, signature, EXPIRES.minusSeconds(1)))
                .isEqualTo(ConsentProofLink.Check.VALID);
        assertThat(link.check("lead-1", expires, signature, EXPIRES)).isEqualTo(ConsentProofLink.Check.VALID);
        assertThat(link.check("lead-1", expires, signature, EXPIRES.plusSeconds(1)))
                .isEqualTo(ConsentProofLink.Check.EXPIRED);
    }

    @Test
    void aTamperedLeadExpiryOrSignatureIsInvalid() {
        String signature = link.signature("lead-1", EXPIRES);
        String expires = Long.toString(EXPIRES.getEpochSecond());
        Instant before = EXPIRES.minusSeconds(60);

        assertThat(link.check("lead-2", expires, signature, before)).isEqualTo(ConsentProofLink.Check.INVALID);
        assertThat(link.check("lead-1", Long.toString(EXPIRES.getEpochSecond() + 86400), signature, before))
                .isEqualTo(ConsentProofLink.Check.INVALID);
        assertThat(link.check("lead-1", expires, signature.substring(1) + "A", before))
                .isEqualTo(ConsentProofLink.Check.INVALID);
        assertThat(link.check("lead-1", "soon", signature, before)).isEqualTo(ConsentProofLink.Check.INVALID);
        assertThat(link.check("lead-1", expires, null, before)).isEqualTo(ConsentProofLink.Check.INVALID);
        assertThat(new ConsentProofLink("another-secret-of-at-least-32-bytes!!")
                        .check("lead-1", expires, signature, before))
                .isEqualTo(ConsentProofLink.Check.INVALID);
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new ConsentProofLink("short")).isInstanceOf(IllegalArgumentException.class);
        assertThat(link.toString()).doesNotContain(SECRET);
    }

    @Test
    void aWithdrawnProofIsRefusedAndOldShapesStillRead() {
        ConsentProof given = new ConsentProof(true, "texte", null, "1.2.3.4", "UA", EXPIRES, "v1");
        assertThat(given.refused()).isFalse();
        ConsentProof withdrawn = given.withdrawnAt(EXPIRES.plusSeconds(5));
        assertThat(withdrawn.refused()).isTrue();
        assertThat(withdrawn.withdrawnAt(EXPIRES.plusSeconds(99)).withdrawnAt()).isEqualTo(EXPIRES.plusSeconds(5));
        assertThat(withdrawn.erased().withdrawnAt()).isEqualTo(EXPIRES.plusSeconds(5));
        ConsentProof read = EventCodec.mapper()
                .convertValue(java.util.Map.of("rgpd_consent", true, "consent_text_version", "v1"), ConsentProof.class);
        assertThat(read.consentTextHash()).isNull();
        assertThat(read.refused()).isFalse();
    }
}
