package fr.rdz.delivery.run.application;

import fr.rdz.delivery.outcome.application.RecordingDeliveryOutcomes;
import fr.rdz.delivery.outcome.domain.BatchDeliveryOutcome;
import fr.rdz.delivery.planning.domain.PlannedBatch;
import fr.rdz.events.ClientSnapshot;
import fr.rdz.events.Entity;
import java.time.LocalDate;
import java.util.List;
import reactor.core.publisher.Mono;

/** A run as the admin API shows it: recorded (with what its channels reported), previewed, or with nothing to plan. */
final class ShowingRuns {

    private final Batches batches;
    private final RecordingDeliveryOutcomes outcomes;

    ShowingRuns(Batches batches, RecordingDeliveryOutcomes outcomes) {
        this.batches = batches;
        this.outcomes = outcomes;
    }

    /** A recorded run: the ledger lines of its batches' leads are read by {@code _id}, never scanned by run. */
    Mono<RunView> recorded(RunRecord run) {
        String runId = run.id();
        return batches.ofRun(runId)
                .collectList()
                .flatMap(stored -> outcomes.ofLeads(
                                runId,
                                stored.stream()
                                        .flatMap(b -> b.leadIds().stream())
                                        .toList())
                        .map(recorded -> stored.stream()
                                .map(b -> BatchViews.of(b, recorded))
                                .toList()))
                .map(list -> new RunView(runId, run.entity(), run.date(), false, run.state(), run.plannedAt(), list));
    }

    /** A dry run: what would be planned, recorded nowhere. */
    static RunView preview(String runId, Entity entity, LocalDate date, PlanningBatches.Planned planned) {
        return new RunView(
                runId,
                entity,
                date,
                true,
                null,
                null,
                planned.batches().stream()
                        .map(b -> preview(runId, b, planned.clients().get(b.clientId())))
                        .toList());
    }

    static RunView nothingToPlan(String runId, Entity entity, LocalDate date) {
        return new RunView(runId, entity, date, false, PlanningDailyRun.NOTHING_TO_PLAN, null, List.of());
    }

    private static RunView.BatchView preview(String runId, PlannedBatch b, ClientSnapshot client) {
        return new RunView.BatchView(
                runId + ":" + b.commandeId(),
                b.commandeId(),
                b.clientId(),
                b.product().name(),
                b.leadIds(),
                b.fresh(),
                b.lb(),
                b.crossEntity(),
                b.duplicatesReplaced(),
                b.target(),
                b.isShort(),
                BatchChannels.of(b, client),
                BatchDeliveryOutcome.NONE,
                b.shortReasons(),
                client == null ? null : client.name());
    }
}
