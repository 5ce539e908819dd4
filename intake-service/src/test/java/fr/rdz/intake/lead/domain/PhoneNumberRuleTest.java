package fr.rdz.intake.lead.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.events.LeadStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumberRuleTest {

    private final PhoneNumberRule rule = new PhoneNumberRule();

    @ParameterizedTest(name = "[{index}] \"{0}\" → {1} {2}")
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            textBlock =
                    """
            0612345678             | pending       | 0612345678
            06 12 34 56 78         | pending       | 0612345678
            06.12.34.56.78         | pending       | 0612345678
            06-12-34-56-78         | pending       | 0612345678
            +33 6 12 34 56 78      | pending       | 0612345678
            +33612345678           | pending       | 0612345678
            +33 (0)6 12 34 56 78   | pending       | 0612345678
            +330612345678          | pending       | 0612345678
            0033612345678          | pending       | 0612345678
            0033 6 12 34 56 78     | pending       | 0612345678
            612345678              | pending       | 0612345678
            33612345678            | pending       | 0612345678
            0712345678             | pending       | 0712345678
            0145678912             | pending       | 0145678912
            +33 1 45 67 89 12      | pending       | 0145678912
            0987654312             | pending       | 0987654312
            '  0612345678  '       | pending       | 0612345678
            0123456789             | invalid_phone | NULL
            123456789              | invalid_phone | NULL
            0987654321             | invalid_phone | NULL
            0102030405             | invalid_phone | NULL
            0908070605             | invalid_phone | NULL
            0666666666             | invalid_phone | NULL
            0600000000             | invalid_phone | NULL
            0611111111             | invalid_phone | NULL
            +33 7 77 77 77 77      | invalid_phone | NULL
            061234567              | invalid_phone | NULL
            06123456789            | invalid_phone | NULL
            06123                  | invalid_phone | NULL
            0012345678             | invalid_phone | NULL
            +44 7911 123456        | invalid_phone | NULL
            06ab345678             | invalid_phone | NULL
            ABCDEFGHIJ             | invalid_phone | NULL
            téléphone              | invalid_phone | NULL
            '   '                  | invalid_phone | NULL
            """)
    void classifiesPhoneInputs(String input, String expectedStatus, String normalised) {
        PhoneNumberRule.Verdict verdict = rule.check(input);

        LeadStatus status = verdict.valid() ? LeadStatus.PENDING : LeadStatus.INVALID_PHONE;
        assertThat(status.name().toLowerCase()).isEqualTo(expectedStatus);
        assertThat(verdict.normalised()).isEqualTo(normalised);
    }
}
