package fr.rdz.intake.tracking.domain;

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
        return new Attribution(
                fill(utmSource, later.utmSource),
                fill(utmMedium, later.utmMedium),
                fill(utmCampaign, later.utmCampaign),
                fill(utmContent, later.utmContent),
                fill(utmTerm, later.utmTerm),
                fill(gclid, later.gclid),
                fill(fbclid, later.fbclid));
    }

    /** True when no field is set. */
    public boolean isEmpty() {
        return isEmpty(utmSource)
                && isEmpty(utmMedium)
                && isEmpty(utmCampaign)
                && isEmpty(utmContent)
                && isEmpty(utmTerm)
                && isEmpty(gclid)
                && isEmpty(fbclid);
    }

    /** This attribution once {@link #firstTouchFill} of {@code later} is applied (set fields kept). */
    public Attribution filledWith(Attribution later) {
        return new Attribution(
                first(utmSource, later.utmSource),
                first(utmMedium, later.utmMedium),
                first(utmCampaign, later.utmCampaign),
                first(utmContent, later.utmContent),
                first(utmTerm, later.utmTerm),
                first(gclid, later.gclid),
                first(fbclid, later.fbclid));
    }

    private static String first(String current, String later) {
        return (current == null || current.isEmpty()) && later != null && !later.isEmpty() ? later : current;
    }

    private static String fill(String current, String later) {
        return isEmpty(current) && !isEmpty(later) ? later : "";
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }
}
