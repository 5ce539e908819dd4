package fr.rdz.intake.lead.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.regex.Pattern;

/**
 * A French phone number as a lead must give it (spec §3, seed {@code validate_phone_fr}).
 *
 * <p>Parsing and normalisation are libphonenumber's: {@code +33 6 12 34 56 78}, {@code 0033 6…},
 * {@code +33 (0)6…}, {@code 06.12.34.56.78} and the 9-digit {@code 612345678} all become
 * {@code 0612345678}. A number must be French with 9 significant digits; allocation ranges are not
 * checked (the seed accepted any 10-digit number starting with 0). Letters are refused, not
 * translated as vanity numbers. Then the seed's suspicion rules: an ascending or descending run
 * ({@code 0123456789}, {@code 0987654321}), a run of two-digit pairs ({@code 0102030405}, {@code 0908070605}) and one
 * digit repeated 8 times or more among the 9 significant digits ({@code 0666666666},
 * {@code 0600000000}).
 */
public final class PhoneNumberRule {

    /** What a phone input is: valid with its normalised form, or invalid with the reason. */
    public record Verdict(boolean valid, String normalised, String reason) {

        static Verdict ok(String normalised) {
            return new Verdict(true, normalised, null);
        }

        static Verdict invalid(String reason) {
            return new Verdict(false, null, reason);
        }
    }

    public static final String WRONG_FORMAT = "Le téléphone doit contenir 10 chiffres";
    public static final String RUN = "Numéro invalide (suite)";
    public static final String REPEAT = "Numéro invalide (répétition)";

    private static final Pattern ALLOWED = Pattern.compile("[0-9+().\\-/\\s]+");
    private static final int FRANCE = 33;
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    public Verdict check(String input) {
        if (input == null || input.isBlank() || !ALLOWED.matcher(input).matches()) {
            return Verdict.invalid(WRONG_FORMAT);
        }
        PhoneNumber number;
        try {
            number = PHONES.parse(input, "FR");
        } catch (NumberParseException e) {
            return Verdict.invalid(WRONG_FORMAT);
        }
        String national = Long.toString(number.getNationalNumber());
        if (number.getCountryCode() != FRANCE || number.isItalianLeadingZero() || national.length() != 9) {
            return Verdict.invalid(WRONG_FORMAT);
        }
        String digits = "0" + national;
        if (isRun(digits) || isPairRun(digits)) {
            return Verdict.invalid(RUN);
        }
        if (hasRepeat(national)) {
            return Verdict.invalid(REPEAT);
        }
        return Verdict.ok(digits);
    }

    /** The seed's run, or the 9 significant digits climbing or falling one by one ({@code 0987654321}). */
    private static boolean isRun(String digits) {
        if ("0123456789".contains(digits) || "9876543210".contains(digits)) {
            return true;
        }
        int step = digits.charAt(2) - digits.charAt(1);
        if (Math.abs(step) != 1) {
            return false;
        }
        for (int i = 2; i < digits.length(); i++) {
            if (digits.charAt(i) - digits.charAt(i - 1) != step) {
                return false;
            }
        }
        return true;
    }

    /** Five two-digit pairs each one apart from the next, up or down (the seed's pair sequence). */
    private static boolean isPairRun(String digits) {
        for (int i = 0; i < 8; i += 2) {
            int current = Integer.parseInt(digits.substring(i, i + 2));
            int next = Integer.parseInt(digits.substring(i + 2, i + 4));
            if (Math.abs(next - current) != 1) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasRepeat(String significant) {
        int[] counts = new int[10];
        for (int i = 0; i < significant.length(); i++) {
            if (++counts[significant.charAt(i) - '0'] >= 8) {
                return true;
            }
        }
        return false;
    }
}
