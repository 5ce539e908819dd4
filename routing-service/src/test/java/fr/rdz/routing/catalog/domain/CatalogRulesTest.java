package fr.rdz.routing.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdz.routing.shared.domain.InvalidInput;
import fr.rdz.routing.shared.domain.RequestRejected;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogRulesTest {

    @Test
    void acceptsMetropolitanDepartementsAndCorsicaAndAll() {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        assertThat(Departements.normalised(List.of("75", "2a", "1", "2B"), errors))
                .containsExactly("75", "2A", "01", "2B");
        assertThat(Departements.normalised(List.of("*"), errors)).containsExactly("*");
        assertThat(errors.isEmpty()).isTrue();
    }

    @Test
    void refusesUnknownDepartements() {
        for (String bad : List.of("20", "96", "971", "00", "abc")) {
            assertThat(refusal(List.of(bad))).contains("unknown département");
        }
        assertThat(refusal(List.of("*", "75"))).contains("cannot be combined");
        assertThat(refusal(List.of())).contains("at least one département");
    }

    /** The one reason {@code departements} are refused for, under the field {@code departements}. */
    private static String refusal(List<String> departements) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        assertThat(Departements.normalised(departements, errors)).isEmpty();
        assertThat(errors.violations())
                .singleElement()
                .extracting(InvalidInput.Violation::name)
                .isEqualTo("departements");
        return errors.violations().get(0).reason();
    }

    @Test
    void formatsCodesWithThreeDigitsAtLeast() {
        assertThat(CatalogCode.format("LP", 1)).isEqualTo("LP-001");
        assertThat(CatalogCode.format("PAC", 1234)).isEqualTo("PAC-1234");
        assertThat(CatalogCode.numberOf("PV-042", "PV")).isEqualTo(42);
        assertThatThrownBy(() -> CatalogCode.numberOf("PV-42", "PV")).isInstanceOf(RequestRejected.class);
        assertThatThrownBy(() -> CatalogCode.numberOf("PAC-001", "PV")).isInstanceOf(RequestRejected.class);
    }
}
