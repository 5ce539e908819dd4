package fr.rdz.intake.tracking.domain;

import java.util.LinkedHashMap;
import java.util.Map;

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
     * First touch wins: the fields of {@code later} that may fill this attribution's empty ones,
     * by field name ({@code utm_source}…). A field already set is never overwritten.
     */
    public Map<String, String> firstTouchFill(Attribution later) {
        Map<String, String> fill = new LinkedHashMap<>();
        fill(fill, "utmSource", utmSource, later.utmSource);
        fill(fill, "utmMedium", utmMedium, later.utmMedium);
        fill(fill, "utmCampaign", utmCampaign, later.utmCampaign);
        fill(fill, "utmContent", utmContent, later.utmContent);
        fill(fill, "utmTerm", utmTerm, later.utmTerm);
        fill(fill, "gclid", gclid, later.gclid);
        fill(fill, "fbclid", fbclid, later.fbclid);
        return fill;
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

    private static void fill(Map<String, String> fill, String field, String current, String later) {
        if ((current == null || current.isEmpty()) && later != null && !later.isEmpty()) {
            fill.put(field, later);
        }
    }
}
