package fr.rdz.delivery.planning.domain;

import fr.rdz.rules.FreshWindow;
import fr.rdz.rules.ThirtyDayWindow;
import java.time.Instant;
import java.util.Optional;

/**
 * Fresh or LB (spec §1, §5.5), seen from the run's reference instant, by the shared
 * {@link FreshWindow} and {@link ThirtyDayWindow}:
 * <ul>
 *   <li>Fresh: never delivered and received at most 8 days before the reference (exactly 8 days is still Fresh);
 *   <li>LB: never delivered and received more than 8 days before, or last delivered more than 30 days before;
 *   <li>otherwise not distributable: received at or after the reference, or delivered within the last 30
 *       days (a delivery on D−30 at the run time still blocks on D; the lead re-enters LB on D−30+31).
 * </ul>
 * A delivery recorded after the reference (a later run, seen by a catch-up run for an earlier date) also
 * blocks: a lead is never delivered twice within 30 days, whatever the order runs are made in.
 */
public final class LeadAge {

    public static final int FRESH_DAYS = FreshWindow.DAYS;
    public static final int REDELIVERY_DAYS = ThirtyDayWindow.DAYS;

    public enum Kind {
        FRESH,
        LB
    }

    private final Instant reference;

    public LeadAge(Instant reference) {
        this.reference = reference;
    }

    public Optional<Kind> classify(PoolLead lead) {
        if (lead.receivedAt() == null || !lead.receivedAt().isBefore(reference)) {
            return Optional.empty();
        }
        boolean everDelivered = false;
        for (Instant at : lead.deliveredAt()) {
            if (ThirtyDayWindow.blocksRedelivery(at, reference)) {
                return Optional.empty();
            }
            everDelivered = true;
        }
        if (everDelivered) {
            return Optional.of(Kind.LB);
        }
        return Optional.of(FreshWindow.isFresh(lead.receivedAt(), reference) ? Kind.FRESH : Kind.LB);
    }
}
