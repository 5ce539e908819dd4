package fr.rdz.intake.tracking.domain;

import java.util.Set;

/** The funnel steps counted once per session: a repeat answers {@code duplicate: true} with the first event's id. */
public final class OncePerSessionEvents {

    public static final String LP_VISIT = "lp_visit";
    private static final Set<String> ONCE = Set.of(LP_VISIT, "cta_click", "form_start");

    private OncePerSessionEvents() {}

    public static boolean isOncePerSession(String eventType) {
        return ONCE.contains(eventType);
    }
}
