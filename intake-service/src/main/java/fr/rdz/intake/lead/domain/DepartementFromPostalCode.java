package fr.rdz.intake.lead.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The département of a lead (spec §3): metropolitan France only, {@code 01}…{@code 95},
 * {@code 2A} and {@code 2B}. Taken from the {@code departement} field when it is one, otherwise
 * derived from the postal code: its first two digits, and for Corsica 20000–20199 → {@code 2A},
 * 20200–20699 → {@code 2B}.
 */
public final class DepartementFromPostalCode {

    public Optional<String> resolve(String departement, String codePostal) {
        return fromDepartement(departement).or(() -> fromPostalCode(codePostal));
    }

    /** A département given as such: {@code 75}, {@code 5} → {@code 05}, {@code 2a} → {@code 2A}. */
    public Optional<String> fromDepartement(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip().toUpperCase(Locale.ROOT);
        if (v.equals("2A") || v.equals("2B")) {
            return Optional.of(v);
        }
        if (v.matches("\\d{1,2}")) {
            int n = Integer.parseInt(v);
            return n >= 1 && n <= 95 && n != 20 ? Optional.of(String.format("%02d", n)) : Optional.empty();
        }
        return Optional.empty();
    }

    /** {@code 75011} → {@code 75}; {@code 20090} → {@code 2A}; {@code 20200} → {@code 2B}; overseas and unknown → empty. */
    public Optional<String> fromPostalCode(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String digits = value.replaceAll("\\s", "");
        if (!digits.matches("\\d{5}")) {
            return Optional.empty();
        }
        int code = Integer.parseInt(digits);
        if (code >= 20000 && code <= 20199) {
            return Optional.of("2A");
        }
        if (code >= 20200 && code <= 20699) {
            return Optional.of("2B");
        }
        if (code >= 20000 && code <= 20999) {
            return Optional.empty();
        }
        int dept = code / 1000;
        return dept >= 1 && dept <= 95 ? Optional.of(digits.substring(0, 2)) : Optional.empty();
    }
}
