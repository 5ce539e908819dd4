package fr.rdz.delivery.run.application;

import fr.rdz.events.Entity;
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

    /** One batch's figures. */
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
            boolean isShort) {}
}
