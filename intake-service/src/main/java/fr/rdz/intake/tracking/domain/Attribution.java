package fr.rdz.intake.tracking.domain;

import java.util.function.BinaryOperator;

/** Where a visit came from: UTM parameters, Google and Meta click ids. */
public record Attribution(
        String utmSource,
        String utmMedium,
        String utmCampaign,
        String utmContent,
        String utmTerm,
        String gclid,
        String fbclid) {

    public static final Attribution NONE = new Attribution("", "", "", "", "", "", "");

    /**
     * First touch wins: the fields of {@code later} that may fill this attribution's empty ones, every other field
     * empty. A field already set is never overwritten.
     */
    public Attribution firstTouchFill(Attribution later) {
        return fieldByField(later, (current, next) -> fills(current, next) ? next : "");
    }

    /** This attribution once {@link #firstTouchFill} of {@code later} is applied (set fields kept). */
    public Attribution filledWith(Attribution later) {
        return fieldByField(later, (current, next) -> fills(current, next) ? next : current);
    }

    /**
     * A lead's attribution, this being what its submission names: each field the submission names (trimmed; a blank
     * one names nothing) wins, else the session's first touch; null where neither names it.
     */
    public Attribution submittedOver(Attribution session) {
        return fieldByField(session, (submitted, firstTouch) -> {
            String named = named(submitted);
            return named != null ? named : named(firstTouch);
        });
    }

    private static String named(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean fills(String current, String later) {
        return (current == null || current.isEmpty()) && later != null && !later.isEmpty();
    }

    private Attribution fieldByField(Attribution later, BinaryOperator<String> field) {
        return new Attribution(
                field.apply(utmSource, later.utmSource),
                field.apply(utmMedium, later.utmMedium),
                field.apply(utmCampaign, later.utmCampaign),
                field.apply(utmContent, later.utmContent),
                field.apply(utmTerm, later.utmTerm),
                field.apply(gclid, later.gclid),
                field.apply(fbclid, later.fbclid));
    }
}
