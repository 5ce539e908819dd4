package fr.rdz.routing.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdz.events.DeliveryDay;
import fr.rdz.routing.shared.domain.RequestRejected;
import java.time.LocalDate;
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

    @Test
    void checksCommandeTerms() {
        List<DeliveryDay> days = List.of(DeliveryDay.MON);
        assertThatThrownBy(() -> Commande.validateTerms(-1, 0, days, null, null))
                .hasMessageContaining("weekly_quota");
        assertThatThrownBy(() -> Commande.validateTerms(1, 101, days, null, null))
                .hasMessageContaining("lb_max_percent");
        assertThatThrownBy(() -> Commande.validateTerms(1, -1, days, null, null))
                .hasMessageContaining("lb_max_percent");
        assertThatThrownBy(() -> Commande.validateTerms(1, 0, List.of(), null, null))
                .hasMessageContaining("delivery_days");
        assertThatThrownBy(() -> Commande.validateTerms(
                        1, 0, days, LocalDate.parse("2026-11-10"), LocalDate.parse("2026-11-09")))
                .hasMessageContaining("ends_on");
        Commande.validateTerms(0, 100, days, LocalDate.parse("2026-11-10"), LocalDate.parse("2026-11-10"));
    }
}
