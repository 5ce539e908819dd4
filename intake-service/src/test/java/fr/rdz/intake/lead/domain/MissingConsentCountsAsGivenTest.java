package fr.rdz.intake.lead.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The seed records a missing {@code rgpd_consent} as {@code True} and keeps an explicit answer. */
class MissingConsentCountsAsGivenTest {

    @Test
    void a_missing_consent_is_recorded_as_given() {
        assertThat(MissingConsentCountsAsGiven.recorded(null)).isTrue();
    }

    @Test
    void an_explicit_refusal_stays_a_refusal() {
        assertThat(MissingConsentCountsAsGiven.recorded(Boolean.FALSE)).isFalse();
    }

    @Test
    void an_explicit_consent_stays_given() {
        assertThat(MissingConsentCountsAsGiven.recorded(Boolean.TRUE)).isTrue();
    }
}
