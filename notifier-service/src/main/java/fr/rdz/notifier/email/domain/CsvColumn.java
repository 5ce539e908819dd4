package fr.rdz.notifier.email.domain;

import fr.rdz.events.LeadData;
import java.util.function.Function;

/** One column of a delivery CSV: its header and how its value is read from a lead. */
public record CsvColumn(String header, Function<LeadData, String> value) {

    /** A column whose value is the same for every lead of a batch (a contract value, e.g. {@code oui}). */
    public static CsvColumn constant(String header, String value) {
        return new CsvColumn(header, lead -> value);
    }

    /** The cell of this column for one lead, empty when the lead has no such value, never a formula. */
    public String cell(LeadData lead) {
        return FormulaInjectionRule.neutralise(value.apply(lead));
    }
}
