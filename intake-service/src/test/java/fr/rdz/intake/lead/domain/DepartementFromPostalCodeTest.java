package fr.rdz.intake.lead.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DepartementFromPostalCodeTest {

    private final DepartementFromPostalCode rule = new DepartementFromPostalCode();

    @ParameterizedTest(name = "departement={0} code_postal={1} → {2}")
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            textBlock =
                    """
            75    | NULL  | 75
            5     | NULL  | 05
            2a    | NULL  | 2A
            2B    | NULL  | 2B
            NULL  | 75011 | 75
            ''    | 01000 | 01
            NULL  | 20000 | 2A
            NULL  | 20199 | 2A
            NULL  | 20200 | 2B
            NULL  | 20699 | 2B
            NULL  | 20700 | NULL
            NULL  | 95100 | 95
            NULL  | 97100 | NULL
            NULL  | 96000 | NULL
            NULL  | 00100 | NULL
            NULL  | 7501  | NULL
            20    | NULL  | NULL
            97    | 69003 | 69
            NULL  | NULL  | NULL
            """)
    void resolvesMetropolitanDepartements(String departement, String codePostal, String expected) {
        assertThat(rule.resolve(departement, codePostal).orElse(null)).isEqualTo(expected);
    }
}
