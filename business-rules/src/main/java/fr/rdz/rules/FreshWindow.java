package fr.rdz.rules;

import java.time.Instant;

/**
 * Fresh (spec §1): a lead never delivered and received at most 8 days ago — 8 Paris calendar days
 * before the reference, that instant included (a lead received exactly 8 days before is still Fresh).
 */
public final class FreshWindow {

    public static final int DAYS = 8;

    private FreshWindow() {}

    /** The first instant a lead may have been received at and still be Fresh at {@code reference}. */
    public static Instant start(Instant reference) {
        return ParisCalendar.daysBefore(reference, DAYS);
    }

    /** Whether a lead received at {@code receivedAt} (before the reference) is within the window. */
    public static boolean isFresh(Instant receivedAt, Instant reference) {
        return !receivedAt.isBefore(start(reference));
    }
}
