package fr.rdz.routing.lead.application;

import fr.rdz.routing.shared.domain.RequestRejected;

/** Reads a phone typed by an operator the way intake normalises it: digits, {@code +33}/{@code 0033} → {@code 0}. */
public final class PhoneNumbers {

    private PhoneNumbers() {}

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
