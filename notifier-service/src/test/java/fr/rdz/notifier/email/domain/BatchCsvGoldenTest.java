package fr.rdz.notifier.email.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.events.Entity;
import fr.rdz.events.LeadData;
import fr.rdz.events.PlannedLead;
import fr.rdz.notifier.email.Batches;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CSV bytes of one ZR7 and one MDL batch equal the checked-in files under {@code golden/}
 * (BOM, {@code ;}, CRLF, accents, a formula neutralised, a separator quoted). Regenerate a golden
 * file only on purpose, and look at it ({@code xxd}) before committing it.
 */
class BatchCsvGoldenTest {

    @Test
    void zr7BatchMatchesItsGoldenFile() throws IOException {
        assertThat(BatchCsv.write(CsvFormat.ZR7, leads(Entity.ZR7)))
                .isEqualTo(golden("ZR7_PV_Solaire-Pro_2026-11-20.csv"));
    }

    @Test
    void mdlBatchMatchesItsGoldenFile() throws IOException {
        assertThat(BatchCsv.write(CsvFormat.MDL, leads(Entity.MDL)))
                .isEqualTo(golden("MDL_PV_Solaire-Pro_2026-11-20.csv"));
    }

    @Test
    void startsWithABomAndEndsEveryLineWithCrlf() {
        byte[] csv = BatchCsv.write(CsvFormat.MDL, leads(Entity.MDL));
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertThat(text)
                .startsWith("nom;prenom;telephone;email;code_postal;departement;proprietaire;type_logement\r\n")
                .endsWith("\r\n")
                .contains("Martin;Éloïse;0612345678;eloise.martin@example.fr;75011;75;oui;maison\r\n")
                .contains("'=HYPERLINK")
                .contains("\"Le Gall; Ménard\";'-Anaïs")
                .doesNotContain("TRUE")
                .doesNotContainPattern("[^\r]\n");
    }

    @Test
    void zr7HasSevenColumnsAndMdlEight() {
        assertThat(CsvFormat.ZR7.header())
                .containsExactly(
                        "nom", "prenom", "telephone", "email", "code_postal", "departement", "proprietaire_maison");
        assertThat(CsvFormat.MDL.header())
                .containsExactly(
                        "nom",
                        "prenom",
                        "telephone",
                        "email",
                        "code_postal",
                        "departement",
                        "proprietaire",
                        "type_logement");
        assertThat(CsvFormat.of(Entity.MDL)).isEqualTo(CsvFormat.MDL);
    }

    static List<LeadData> leads(Entity entity) {
        return Batches.threeLeads(entity).stream().map(PlannedLead::lead).toList();
    }

    static byte[] golden(String name) throws IOException {
        try (InputStream in = BatchCsvGoldenTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file " + name).isNotNull();
            return in.readAllBytes();
        }
    }
}
