package fr.rdz.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A daily run of one entity for one date is recorded: every batch's figures, for the dashboard. Keyed by run id. */
public record RunCompleted(
        String runId, Entity entity, LocalDate runDate, Instant plannedAt, List<BatchSummary> batches)
        implements DeliveryEvent {

    @Override
    public String key() {
        return runId;
    }
}
