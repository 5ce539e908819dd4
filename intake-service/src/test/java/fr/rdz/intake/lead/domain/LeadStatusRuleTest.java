package fr.rdz.intake.lead.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.events.LeadStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LeadStatusRuleTest {

    private final LeadStatusRule rule = new LeadStatusRule(new PhoneNumberRule(), new DepartementFromPostalCode());

    @Test
    void aCompleteLeadOfAKnownFormIsPending() {
        LeadAssessment a = rule.assess(LeadSubmissions.valid(), true);

        assertThat(a.status()).isEqualTo(LeadStatus.PENDING);
        assertThat(a.phone()).isEqualTo("0612345678");
        assertThat(a.departement()).isEqualTo("75");
        assertThat(a.warning()).isNull();
    }

    @Test
    void anUnknownFormMakesAnOrphanWhateverElse() {
        LeadAssessment a = rule.assess(LeadSubmissions.with("XX-999", "0123456789", "", "", null, "s"), false);

        assertThat(a.status()).isEqualTo(LeadStatus.ORPHAN);
        assertThat(a.message()).isEqualTo("Lead enregistré - Formulaire non trouvé");
        assertThat(a.warning()).isEqualTo("FORM_NOT_FOUND");
    }

    @Test
    void anInvalidPhoneComesBeforeMissingFields() {
        LeadAssessment a = rule.assess(LeadSubmissions.with("PV-001", "0102030405", "", "75", null, "s"), true);

        assertThat(a.status()).isEqualTo(LeadStatus.INVALID_PHONE);
        assertThat(a.phone()).isEqualTo("0102030405");
        assertThat(a.message()).isEqualTo("Lead enregistré - Téléphone invalide");
    }

    @Test
    void listsEveryMissingFieldInFrench() {
        LeadAssessment a = rule.assess(LeadSubmissions.with("PV-001", "", " ", null, "97100", "s"), true);

        assertThat(a.status()).isEqualTo(LeadStatus.MISSING_REQUIRED);
        assertThat(a.missingFields()).containsExactly("phone", "nom", "departement");
        assertThat(a.message()).isEqualTo("Lead enregistré - Champs manquants: téléphone, nom, département");
        assertThat(a.warning()).isEqualTo("MISSING_REQUIRED");
    }

    @Test
    void derivesTheDepartementFromThePostalCode() {
        LeadAssessment a =
                rule.assess(LeadSubmissions.with("PV-001", "0612345678", "Martin", null, "20090", "s"), true);

        assertThat(a.status()).isEqualTo(LeadStatus.PENDING);
        assertThat(a.departement()).isEqualTo("2A");
    }

    @Test
    void aDoubleSubmitKeepsTheOriginalLeadId() {
        LeadAssessment a = rule.assess(LeadSubmissions.valid(), true).asDoubleSubmitOf("lead-1");

        assertThat(a.status()).isEqualTo(LeadStatus.DOUBLE_SUBMIT);
        assertThat(a.originalLeadId()).isEqualTo("lead-1");
        assertThat(a.message()).isEqualTo("Double soumission détectée - lead déjà créé");
    }

    @Test
    void aRepeatCountsWithinFiveSecondsOfTheFirstSubmission() {
        Instant now = Instant.parse("2026-11-20T10:00:00Z");
        DoubleSubmitRule doubleSubmit = new DoubleSubmitRule(Clock.fixed(now, ZoneOffset.UTC));

        assertThat(doubleSubmit.isRepeat(now.minusMillis(4_999))).isTrue();
        assertThat(doubleSubmit.isRepeat(now.minusSeconds(5))).isFalse();
        assertThat(DoubleSubmitRule.key("s-1", "0612345678")).isEqualTo("s-1|0612345678");
        assertThat(DoubleSubmitRule.key(" ", "0612345678")).isNull();
    }
}
