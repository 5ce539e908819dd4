package fr.rdz.delivery.run.application;

import fr.rdz.delivery.planning.domain.ShortReason;
import fr.rdz.events.Entity;
import fr.rdz.events.OutcomeChannel;
import java.time.LocalDate;
import java.util.List;

/**
 * A recorded batch ({@code <run_id>:<commande_id>}), which is also the outbox entry of its events: its figures, its
 * leads, the channels it goes out on and how its events are kept ({@code parts} envelopes, or, for a batch recorded
 * before parts existed, {@code plannedEvent} and {@code deliveredEvents} themselves).
 *
 * @param parts how many {@link BatchPart}s hold its events (null: a batch recorded before parts existed)
 */
public record StoredBatch(
        String id,
        String runId,
        Entity entity,
        LocalDate runDate,
        int order,
        String commandeId,
        String clientId,
        String clientName,
        String product,
        List<String> leadIds,
        Figures figures,
        List<OutcomeChannel> channels,
        boolean published,
        Integer parts,
        String plannedEvent,
        List<String> deliveredEvents) {

    /** What the planner decided for the batch. */
    public record Figures(
            int target,
            int fresh,
            int lb,
            int crossEntity,
            int duplicatesReplaced,
            boolean isShort,
            List<ShortReason> shortReasons) {}
}
