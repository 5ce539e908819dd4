package fr.rdz.delivery.run.application;

import fr.rdz.delivery.outcome.domain.BatchDeliveryOutcome;
import fr.rdz.delivery.planning.domain.ShortReason;
import fr.rdz.events.Entity;
import fr.rdz.events.OutcomeChannel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A run as the admin API shows it: recorded, or previewed ({@code dryRun}) and recorded nowhere. */
public record RunView(
        String id,
        Entity entity,
        LocalDate date,
        boolean dryRun,
        String state,
        Instant plannedAt,
        List<BatchView> batches) {

    /** Leads of the run whose delivery failed on every channel of their client. */
    public int failedLeads() {
        return batches.stream().mapToInt(b -> b.outcome().failedLeads()).sum();
    }

    /**
     * One batch's figures, the channels its client had when it was planned (none for an empty batch)
     * and what those channels reported.
     */
    public record BatchView(
            String batchId,
            String commandeId,
            String clientId,
            String product,
            List<String> leadIds,
            int fresh,
            int lb,
            int crossEntity,
            int duplicatesReplaced,
            int target,
            boolean isShort,
            List<OutcomeChannel> channels,
            BatchDeliveryOutcome outcome,
            List<ShortReason> shortReasons,
            String clientName) {}
}
