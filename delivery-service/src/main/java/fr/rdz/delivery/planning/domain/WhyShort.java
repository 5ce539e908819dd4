package fr.rdz.delivery.planning.domain;

import fr.rdz.events.CommandeSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Why a batch is short of its target, from what the planner met while filling it: the LB cap
 * stopped it with eligible LB left, or else the pool ran out for its product and départements; and
 * what it skipped on the way (30-day duplicates, leads the client rejected). Leads that arrived after
 * the cut-off are added by {@link #withLateLeads} (they are not part of the run's pool). Empty when
 * the batch is not short.
 */
public final class WhyShort {

    private WhyShort() {}

    public static List<ShortReason> of(
            CommandeSnapshot commande,
            int target,
            int delivered,
            int lb,
            int lbCap,
            boolean lbLeftOverCap,
            int duplicatesSkipped,
            int rejectedSkipped) {
        if (delivered >= target) {
            return List.of();
        }
        List<ShortReason> reasons = new ArrayList<>();
        if (lbLeftOverCap) {
            reasons.add(ShortReason.of(
                    ShortReason.Code.LB_CAP_REACHED,
                    "lb_cap",
                    lbCap,
                    "lb_max_percent",
                    commande.lbMaxPercent(),
                    "lb",
                    lb));
        } else {
            reasons.add(ShortReason.of(
                    ShortReason.Code.POOL_EXHAUSTED,
                    "product",
                    commande.product().name(),
                    "departements",
                    commande.departements() == null
                            ? List.of(CommandeSnapshot.ALL_DEPARTEMENTS)
                            : List.copyOf(commande.departements()),
                    "available",
                    delivered,
                    "missing",
                    target - delivered,
                    "cross_entity_allowed",
                    commande.allowCrossEntity()));
        }
        if (duplicatesSkipped > 0) {
            reasons.add(ShortReason.of(ShortReason.Code.DUPLICATES, "skipped", duplicatesSkipped));
        }
        if (rejectedSkipped > 0) {
            reasons.add(ShortReason.of(ShortReason.Code.REJECTED_BY_CLIENT, "skipped", rejectedSkipped));
        }
        return List.copyOf(reasons);
    }

    /** Adds, to a short batch, the matching leads received after the run's cut-off ({@code lateLeads} > 0). */
    public static List<ShortReason> withLateLeads(List<ShortReason> reasons, long lateLeads, Instant cutOff) {
        if (reasons.isEmpty() || lateLeads <= 0) {
            return reasons;
        }
        List<ShortReason> all = new ArrayList<>(reasons);
        all.add(ShortReason.of(
                ShortReason.Code.RECEIVED_AFTER_CUT_OFF, "count", lateLeads, "cut_off", cutOff.toString()));
        return List.copyOf(all);
    }
}
