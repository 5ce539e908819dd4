package fr.rdz.delivery.run.application;

import fr.rdz.events.CommandeSnapshot;
import java.time.LocalDate;
import java.util.List;

/**
 * A commande's week as the console's commande page shows it (delivery-service/README.md, *Commande
 * progress*): the quota, what its runs delivered this ISO week up to {@code date}, the target of
 * {@code date}, and its batches of the last 14 days, newest first.
 */
public record CommandeProgress(
        CommandeSnapshot commande,
        String clientName,
        LocalDate date,
        LocalDate weekStart,
        LocalDate weekEnd,
        int deliveredThisWeek,
        int deliveredBeforeDate,
        int todayTarget,
        TodayRun todayRun,
        List<DatedBatch> lastBatches) {

    public int remainingThisWeek() {
        return Math.max(0, commande.weeklyQuota() - deliveredThisWeek);
    }

    /** The run of {@code date} as far as this commande is concerned. */
    public record TodayRun(String runId, String state, RunView.BatchView batch) {}

    /** One of the commande's batches with its run and date. */
    public record DatedBatch(String runId, LocalDate date, String runState, RunView.BatchView batch) {}
}
