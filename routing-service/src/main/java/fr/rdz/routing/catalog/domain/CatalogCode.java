package fr.rdz.routing.catalog.domain;

import fr.rdz.events.Product;
import fr.rdz.routing.shared.domain.RequestRejected;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Codes of the catalog: {@code LP-001} for landing pages, {@code <PRODUCT>-001} for forms
 * ({@code PV-001}, {@code PAC-004}…): a prefix, a dash and a number of three digits at least.
 * Generated codes take the next number of their prefix.
 */
public final class CatalogCode {

    public static final String LP_PREFIX = "LP";

    private static final Pattern CODE = Pattern.compile("^(LP|PV|PAC|ITE)-(\\d{3,})$");

    private CatalogCode() {}

    public static String format(String prefix, long number) {
        return prefix + "-" + String.format("%03d", number);
    }

    public static String formPrefix(Product product) {
        return product.name();
    }

    /** Validates a code given by an operator for the expected prefix and returns its number. */
    public static long numberOf(String code, String expectedPrefix) {
        Matcher m = CODE.matcher(code == null ? "" : code);
        if (!m.matches() || !m.group(1).equals(expectedPrefix)) {
            throw RequestRejected.invalid(
                    "code '" + code + "' must look like " + expectedPrefix + "-001 (prefix, dash, 3 digits at least)");
        }
        return Long.parseLong(m.group(2));
    }
}
