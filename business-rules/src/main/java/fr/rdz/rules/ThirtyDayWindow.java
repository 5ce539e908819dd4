package fr.rdz.rules;

import java.time.Instant;

/**
 * The 30-day window of the duplicate rule (spec §5.4: "delivered to that client in the previous 30
 * days") and of redelivery (spec §1, §5.5: a delivered lead re-enters LB when "its last delivery is
 * more than 30 days old"): 30 Paris calendar days before the reference, that instant included. A
 * delivery made exactly 30 days before still counts — it bars the same client and keeps the lead out
 * of LB; one day later it no longer does.
 */
public final class ThirtyDayWindow {

    public static final int DAYS = 30;

    private ThirtyDayWindow() {}

    /** The first instant a delivery still counts at {@code reference}. */
    public static Instant start(Instant reference) {
        return ParisCalendar.daysBefore(reference, DAYS);
    }

    /** The last instant a delivery made at {@code deliveredAt} still counts: 30 Paris calendar days later. */
    public static Instant lastInstantCounted(Instant deliveredAt) {
        return ParisCalendar.daysAfter(deliveredAt, DAYS);
    }

    /**
     * Whether a delivery made at {@code deliveredAt} counts at {@code reference}: made in the window
     * and before the reference (a run sees only deliveries made before it, spec §8).
     */
    public static boolean counts(Instant deliveredAt, Instant reference) {
        return deliveredAt != null && !deliveredAt.isBefore(start(reference)) && deliveredAt.isBefore(reference);
    }

    /**
     * Whether a delivery made at {@code deliveredAt} still keeps its lead from being delivered again at
     * {@code reference}: made at or after the window's start, including a delivery recorded after the
     * reference (a later run, seen by a catch-up run for an earlier date).
     */
    public static boolean blocksRedelivery(Instant deliveredAt, Instant reference) {
        return deliveredAt != null && !deliveredAt.isBefore(start(reference));
    }
}
