package fr.rdz.routing.lead.mongo;

import fr.rdz.events.BatchSummary;
import fr.rdz.events.Entity;
import fr.rdz.events.RunCompleted;
import fr.rdz.routing.lead.application.DailyRuns;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A daily run as {@code RunCompleted} told it (one per entity and date, keyed by run id): when it
 * was planned and each batch's target and figures. Read to explain why a lead was not delivered
 * (arrived after the run was planned, its commandes' batches were full…).
 */
@Document("runs")
public record RunRecord(
        @Id String runId, Entity entity, LocalDate runDate, Instant plannedAt, List<BatchSummary> batches)
        implements DailyRuns.Run {

    public static RunRecord of(RunCompleted run) {
        return new RunRecord(
                run.runId(),
                run.entity(),
                run.runDate(),
                run.plannedAt(),
                run.batches() == null ? List.of() : run.batches());
    }
}
