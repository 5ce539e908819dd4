package fr.rdz.delivery.planning.domain;

/** LB only completes a batch, at most {@code floor(target × lb_max_percent / 100)} leads (spec §5.5). */
public final class LbCap {

    private LbCap() {}

    public static int of(int target, int lbMaxPercent) {
        int percent = Math.max(0, Math.min(100, lbMaxPercent));
        return target * percent / 100;
    }
}
