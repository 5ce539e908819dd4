package fr.rdz.routing.lead.application;

import fr.rdz.routing.shared.domain.RequestRejected;

/** Reads a phone typed by an operator the way intake normalises it: digits, {@code +33}/{@code 0033} → {@code 0}. */
public final class PhoneNumbers {

    private static final java.util.regex.Pattern FRENCH = java.util.regex.Pattern.compile("0[1-9][0-9]{8}");

    private PhoneNumbers() {}

    /**
     * A French phone number, normalised ({@code 0} then 9 digits, the second 1–9): what an erasure
     * must name. {@code 0000000000} or a foreign number is refused (400) instead of erasing nothing.
     */
    public static String requireFrench(String raw) {
        String phone = normalise(raw);
        if (!FRENCH.matcher(phone).matches()) {
            throw RequestRejected.invalid("phone must be a French number: 10 digits, 0 then 1 to 9 (+33 accepted)");
        }
        return phone;
    }

    public static String normalise(String raw) {
        String digits = raw == null ? "" : raw.replaceAll("\\D", "");
        if (digits.startsWith("0033")) {
            digits = "0" + digits.substring(4);
        } else if (digits.startsWith("33") && digits.length() == 11) {
            digits = "0" + digits.substring(2);
        } else if (digits.length() == 9 && !digits.startsWith("0")) {
            digits = "0" + digits;
        }
        if (digits.isEmpty()) {
            throw RequestRejected.invalid("phone must contain digits");
        }
        return digits;
    }
}
