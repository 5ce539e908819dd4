package fr.rdz.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LiaisonCodeTest {

    @Test
    void a_lead_links_its_lp_and_form_and_falls_back_to_the_form_alone() {
        assertThat(LiaisonCode.of("LP-001", "PV-001")).isEqualTo("LP-001_PV-001");
        assertThat(LiaisonCode.of(null, "PV-001")).isEqualTo("PV-001");
        assertThat(LiaisonCode.of(" ", "PV-001")).isEqualTo("PV-001");
        assertThat(LiaisonCode.of("LP-001", null)).isEmpty();
        assertThat(LiaisonCode.of(null, null)).isEmpty();
    }

    @Test
    void a_visit_keeps_the_code_sent() {
        assertThat(LiaisonCode.ofVisit("LP-X_PV-Y", "LP-001", "PV-001")).isEqualTo("LP-X_PV-Y");
    }

    @Test
    void a_visit_derives_the_code_only_when_both_lp_and_form_are_known() {
        assertThat(LiaisonCode.ofVisit("", "LP-001", "PV-001")).isEqualTo("LP-001_PV-001");
        assertThat(LiaisonCode.ofVisit(null, "LP-001", "PV-001")).isEqualTo("LP-001_PV-001");
        assertThat(LiaisonCode.ofVisit("", "", "PV-001")).isEmpty();
        assertThat(LiaisonCode.ofVisit("", "LP-001", "")).isEmpty();
    }
}
