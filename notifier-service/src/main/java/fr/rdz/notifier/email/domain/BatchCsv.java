package fr.rdz.notifier.email.domain;

import com.opencsv.CSVWriter;
import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import fr.rdz.events.LeadData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes the CSV of a batch so that French Excel and LibreOffice open it as is: UTF-8 with a byte
 * order mark, {@code ;} separator, CRLF line ends, a header row, one row per lead in batch order.
 * A value is quoted only when it holds a {@code ;}, a quote or a line break; every cell goes
 * through {@link FormulaInjectionRule}.
 */
public final class BatchCsv {

    public static final char SEPARATOR = ';';
    public static final String LINE_END = "\r\n";
    static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private BatchCsv() {}

    public static byte[] write(CsvFormat format, List<LeadData> leads) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(UTF8_BOM);
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                ICSVWriter csv = new CSVWriterBuilder(writer)
                        .withSeparator(SEPARATOR)
                        .withQuoteChar(CSVWriter.DEFAULT_QUOTE_CHARACTER)
                        .withEscapeChar(CSVWriter.DEFAULT_ESCAPE_CHARACTER)
                        .withLineEnd(LINE_END)
                        .build()) {
            csv.writeNext(format.header(), false);
            for (LeadData lead : leads) {
                csv.writeNext(format.row(lead), false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the batch CSV", e);
        }
        return bytes.toByteArray();
    }
}
