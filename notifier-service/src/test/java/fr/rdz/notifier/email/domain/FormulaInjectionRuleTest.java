package fr.rdz.notifier.email.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormulaInjectionRuleTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+33612345678", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"})
    void prefixesWithAQuoteACellThatWouldBeAFormula(String cell) {
        assertThat(FormulaInjectionRule.neutralise(cell)).isEqualTo("'" + cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Martin", "Éloïse", "0612345678", "a=b", "jean-pierre@example.fr", " =x"})
    void leavesEveryOtherValueAlone(String cell) {
        assertThat(FormulaInjectionRule.neutralise(cell)).isEqualTo(cell);
    }

    @Test
    void writesAMissingValueAsAnEmptyCell() {
        assertThat(FormulaInjectionRule.neutralise(null)).isEmpty();
    }
}
