package fr.rdz.notifier.email.domain;

/**
 * A CSV cell must never be read as a formula by a spreadsheet (CSV/formula injection): a value
 * that would start with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is
 * prefixed with a single quote {@code '}, which Excel and LibreOffice show as text and never
 * evaluate. Every other value is left exactly as it is.
 */
public final class FormulaInjectionRule {

    /** The characters that make a spreadsheet evaluate a cell. */
    static final String DANGEROUS_FIRST_CHARACTERS = "=+-@\t\r";

    static final char NEUTRALISER = '\'';

    private FormulaInjectionRule() {}

    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell == null ? "" : cell;
        }
        return DANGEROUS_FIRST_CHARACTERS.indexOf(cell.charAt(0)) >= 0 ? NEUTRALISER + cell : cell;
    }
}
