package fr.rdz.notifier.email.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.events.Entity;
import fr.rdz.events.Product;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CsvFileNameRuleTest {

    static final LocalDate DAY = LocalDate.parse("2026-11-20");

    @Test
    void namesTheFileAfterEntityProductClientAndDate() {
        assertThat(CsvFileNameRule.fileName(Entity.ZR7, Product.PV, "Solaire Pro", "c-1", DAY))
                .isEqualTo("ZR7_PV_Solaire-Pro_2026-11-20.csv");
    }

    @Test
    void makesTheClientNameFileSafe() {
        assertThat(CsvFileNameRule.fileName(Entity.MDL, Product.PAC, " Énergie & Habitat / Île-de-France ", "c-1", DAY))
                .isEqualTo("MDL_PAC_Energie-Habitat-Ile-de-France_2026-11-20.csv");
        assertThat(CsvFileNameRule.fileName(Entity.MDL, Product.ITE, "../../etc_passwd", "c-1", DAY))
                .isEqualTo("MDL_ITE_etc-passwd_2026-11-20.csv");
    }

    @Test
    void fallsBackOnTheClientIdThenOnClient() {
        assertThat(CsvFileNameRule.fileName(Entity.ZR7, Product.PV, "***", "c-0001", DAY))
                .isEqualTo("ZR7_PV_c-0001_2026-11-20.csv");
        assertThat(CsvFileNameRule.fileName(Entity.ZR7, Product.PV, null, null, DAY))
                .isEqualTo("ZR7_PV_client_2026-11-20.csv");
    }

    @Test
    void capsTheClientPart() {
        String name = CsvFileNameRule.fileName(Entity.ZR7, Product.PV, "x".repeat(200), "c", DAY);
        assertThat(name).isEqualTo("ZR7_PV_" + "x".repeat(60) + "_2026-11-20.csv");
    }
}
