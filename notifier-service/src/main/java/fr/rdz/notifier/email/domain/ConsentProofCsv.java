package fr.rdz.notifier.email.domain;

import com.opencsv.CSVWriter;
import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import fr.rdz.events.ConsentProof;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * The second attachment of a batch e-mail (spec §11): one proof-of-consent row per lead, in batch
 * order, beside the seed's CSV (whose columns never change). Same file conventions as
 * {@link BatchCsv} (UTF-8 with BOM, {@code ;}, CRLF, {@link FormulaInjectionRule}); {@code telephone}
 * joins a row to the lead's row of the main CSV; {@code consent_proof_url} is the signed link to
 * the lead's full pack (JSON, or PDF with {@code &format=pdf}).
 */
public final class ConsentProofCsv {

    public static final List<String> HEADER = List.of(
            "lead_id",
            "telephone",
            "consent_at",
            "consent_text_version",
            "consent_text_hash",
            "rgpd_consent",
            "ip",
            "user_agent",
            "page_url",
            "form_code",
            "lp_code",
            "consent_proof_url");

    private ConsentProofCsv() {}

    /** The attachment's file name: the main CSV's, with {@code _preuves-consentement} before {@code .csv}. */
    public static String fileName(String csvFileName) {
        String base = csvFileName.endsWith(".csv") ? csvFileName.substring(0, csvFileName.length() - 4) : csvFileName;
        return base + "_preuves-consentement.csv";
    }

    public static byte[] write(List<LeadData> leads, Function<String, String> proofUrl) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(BatchCsv.UTF8_BOM);
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                ICSVWriter csv = new CSVWriterBuilder(writer)
                        .withSeparator(BatchCsv.SEPARATOR)
                        .withQuoteChar(CSVWriter.DEFAULT_QUOTE_CHARACTER)
                        .withEscapeChar(CSVWriter.DEFAULT_ESCAPE_CHARACTER)
                        .withLineEnd(BatchCsv.LINE_END)
                        .build()) {
            csv.writeNext(HEADER.toArray(String[]::new), false);
            for (LeadData lead : leads) {
                csv.writeNext(row(lead, proofUrl), false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the consent proof CSV", e);
        }
        return bytes.toByteArray();
    }

    private static String[] row(LeadData lead, Function<String, String> proofUrl) {
        ConsentProof c = lead.consent();
        LeadSource s = lead.source();
        String[] cells = {
            lead.leadId(),
            lead.phone(),
            c == null || c.consentedAt() == null ? null : c.consentedAt().toString(),
            c == null ? null : c.consentTextVersion(),
            c == null ? null : c.consentTextHash(),
            c == null || c.rgpdConsent() == null ? null : c.rgpdConsent() ? CsvFormat.OUI : "non",
            c == null ? null : c.ip(),
            c == null ? null : c.userAgent(),
            c == null ? null : c.pageUrl(),
            s == null ? null : s.formCode(),
            s == null ? null : s.lpCode(),
            lead.leadId() == null ? null : proofUrl.apply(lead.leadId())
        };
        for (int i = 0; i < cells.length; i++) {
            cells[i] = FormulaInjectionRule.neutralise(cells[i] == null ? "" : cells[i]);
        }
        return cells;
    }
}
