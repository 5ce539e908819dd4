package fr.rdz.routing.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdz.routing.shared.domain.RequestRejected;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogRulesTest {

    @Test
    void acceptsMetropolitanDepartementsAndCorsicaAndAll() {
        assertThat(Departements.validate(List.of("75", "2a", "1", "2B"))).containsExactly("75", "2A", "01", "2B");
        assertThat(Departements.validate(List.of("*"))).containsExactly("*");
    }

    @Test
    void refusesUnknownDepartements() {
        for (String bad : List.of("20", "96", "971", "00", "abc")) {
            assertThatThrownBy(() -> Departements.validate(List.of(bad)))
                    .isInstanceOf(RequestRejected.class)
                    .hasMessageContaining("unknown département");
        }
        assertThatThrownBy(() -> Departements.validate(List.of("*", "75"))).isInstanceOf(RequestRejected.class);
        assertThatThrownBy(() -> Departements.validate(List.of())).isInstanceOf(RequestRejected.class);
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
