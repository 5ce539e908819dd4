package fr.rdz.intake.lead.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailRuleTest {

    private final EmailRule rule = new EmailRule();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "eloise.martin@example.fr",
                "jean-luc.o'neil+rdz@mairie.paris.fr",
                "a@b.co",
                "x_y@sous-domaine.exemple.org"
            })
    void acceptsOrdinaryAddresses(String email) {
        assertThat(rule.isValid(email)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "martin@example.fr\r\nBcc: tous@example.com",
                "<script>alert(1)</script>",
                "martin",
                "martin@",
                "@example.fr",
                "martin@example",
                "mar tin@example.fr",
                "martin@@example.fr",
                "martin@exa_mple.fr",
                ".martin@example.fr",
                "mar..tin@example.fr",
                "martin@-example.fr",
                "martin@example.123",
                "\"martin\"@example.fr"
            })
    void refusesWhatIsNoAddress(String email) {
        assertThat(rule.isValid(email)).isFalse();
    }

    @Test
    void refusesOverlongParts() {
        assertThat(rule.isValid("a".repeat(65) + "@example.fr")).isFalse();
        assertThat(rule.isValid("a@" + "b".repeat(250) + ".fr")).isFalse();
    }
}
