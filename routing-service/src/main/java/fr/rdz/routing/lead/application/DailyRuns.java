package fr.rdz.routing.lead.application;

import fr.rdz.events.BatchSummary;
import fr.rdz.events.Entity;
import fr.rdz.events.RunCompleted;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The port to the daily runs routing heard of ({@code RunCompleted}: one per entity and Paris day). */
public interface DailyRuns {

    /** The runs of {@code entity} on or after {@code day} (a scan: one lead's detail only, never the reception path). */
    Flux<Run> ofEntitySince(Entity entity, LocalDate day);

    /** Keeps the run as {@code RunCompleted} tells it (keyed by its id: a redelivered event writes the same run). */
    Mono<Void> record(RunCompleted run);

    /** A run: when it was planned and each batch's target and figures. */
    interface Run {

        String runId();

        LocalDate runDate();

        Instant plannedAt();

        List<BatchSummary> batches();
    }
}
