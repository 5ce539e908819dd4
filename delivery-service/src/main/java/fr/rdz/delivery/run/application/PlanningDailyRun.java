package fr.rdz.delivery.run.application;

import fr.rdz.delivery.config.DeliveryProperties;
import fr.rdz.delivery.outcome.application.RecordingDeliveryOutcomes;
import fr.rdz.delivery.planning.domain.RunReference;
import fr.rdz.delivery.pool.application.Catalog;
import fr.rdz.delivery.pool.application.PoolLeads;
import fr.rdz.events.Entity;
import fr.rdz.events.LeadData;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The daily run of one entity for one date, exactly once: the run record ({@code _id = run-<ENTITY>-
 * <date>}) is inserted before anything is planned; whoever inserts it plans, everybody else gets the
 * existing run. Planning ({@link PlanningBatches}) reads the pool, catalog and ledger and asks the pure planner;
 * {@link RecordingPlannedRun} writes the batches and their event parts (outbox), the ledger lines and the pool's
 * delivery marks — all keyed by run, so a run that crashed before RECORDED is redone from scratch by the next
 * instance once its lease has expired ({@link HoldingRunLease}) — then flips the run to RECORDED and hands it to
 * the outbox relay. Nothing is published before RECORDED, so a redone run never delivers a lead twice. A dry run
 * plans the same way and records nothing.
 */
@Service
public class PlanningDailyRun {

    private static final Logger log = LoggerFactory.getLogger(PlanningDailyRun.class);
    /** The state answered when no commande of the entity is served that day: nothing recorded, the date stays open. */
    public static final String NOTHING_TO_PLAN = "NOTHING_TO_PLAN";

    private final PoolLeads pool;
    private final Ledger ledger;
    private final Runs runs;
    private final Batches batches;
    private final PublishingRunOutbox outbox;
    private final Clock clock;
    private final DeliveryProperties properties;
    private final RunMeters meters;
    private final PlanningBatches planning;
    private final RecordingPlannedRun recording;
    private final HoldingRunLease lease;
    private final ShowingRuns showing;

    public PlanningDailyRun(
            PoolLeads pool,
            Catalog catalog,
            Ledger ledger,
            Runs runs,
            Batches batches,
            PublishingRunOutbox outbox,
            RecordingDeliveryOutcomes outcomes,
            Clock clock,
            DeliveryProperties properties,
            RunMeters meters) {
        this.pool = pool;
        this.ledger = ledger;
        this.runs = runs;
        this.batches = batches;
        this.outbox = outbox;
        this.clock = clock;
        this.properties = properties;
        this.meters = meters;
        this.planning = new PlanningBatches(pool, catalog, ledger, clock);
        this.recording = new RecordingPlannedRun(
                pool,
                ledger,
                runs,
                batches,
                clock,
                properties.instanceId(),
                properties.batchPartBytes(),
                properties.maxRecordBytes());
        this.lease = new HoldingRunLease(runs, clock, properties.instanceId(), properties.planningLease());
        this.showing = new ShowingRuns(batches, outcomes);
    }

    public static String runId(Entity entity, LocalDate date) {
        return "run-" + entity + "-" + date;
    }

    public Mono<RunView> run(Entity entity, LocalDate date, boolean dryRun) {
        String runId = runId(entity, date);
        if (dryRun) {
            return existing(runId).switchIfEmpty(Mono.defer(() -> planning.plan(entity, date)
                    .map(planned -> ShowingRuns.preview(runId, entity, date, planned))));
        }
        Instant now = clock.instant();
        return runs.create(runId, entity, date, properties.instanceId(), now, now.plus(properties.planningLease()))
                .flatMap(created -> created
                        ? meters.timed(entity, lease.holding(runId, execute(runId, entity, date)))
                        : joinOrResume(runId, entity, date));
    }

    /**
     * The catch-up at start of a run missed while the service was down ({@code CatchUpPolicy}): the run, unless it
     * was made already — recorded (answered as it is), or found with nothing to plan. A date whose run found no
     * commande to serve was not missed: a commande created later that day is served from the next run on (or by an
     * operator's run of the date), never by whichever instance happens to restart.
     */
    public Mono<RunView> catchUp(Entity entity, LocalDate date) {
        String runId = runId(entity, date);
        return runs.find(runId)
                .hasElement()
                .zipWith(runs.foundNothingToPlan(runId))
                .flatMap(made -> {
                    if (!made.getT1() && made.getT2()) {
                        log.info("Run {} not caught up: it was made with nothing to plan", runId);
                        return Mono.just(ShowingRuns.nothingToPlan(runId, entity, date));
                    }
                    return run(entity, date, false);
                });
    }

    public Mono<RunView> find(String runId) {
        return existing(runId);
    }

    public Flux<RunView> list(LocalDate date, Entity entity) {
        return runs.list(date, entity).concatMap(showing::recorded);
    }

    /** The runs dated {@code from}..{@code to} (inclusive; either may be open), newest date first. */
    public Flux<RunView> list(LocalDate from, LocalDate to, Entity entity) {
        return runs.listBetween(from, to, entity).concatMap(showing::recorded);
    }

    /** Resumes every run left in PLANNING whose owner's lease has expired (called at start and by the sweeper). */
    public Mono<Void> resumeAbandonedRuns() {
        Instant now = clock.instant();
        return runs.inState(RunRecord.PLANNING)
                .filter(run -> run.leaseLapsed(now))
                .concatMap(
                        run -> joinOrResume(run.id(), run.entity(), run.date()).onErrorResume(e -> {
                            log.error("Could not resume run {}", run.id(), e);
                            return Mono.empty();
                        }))
                .then();
    }

    private Mono<RunView> existing(String runId) {
        return runs.find(runId).flatMap(showing::recorded);
    }

    private Mono<RunView> joinOrResume(String runId, Entity entity, LocalDate date) {
        Instant now = clock.instant();
        return runs.takeOver(runId, properties.instanceId(), now, now.plus(properties.planningLease()))
                .flatMap(taken -> {
                    log.warn("Run {} was abandoned while PLANNING: redoing it", runId);
                    return lease.holding(
                            runId,
                            ledger.deleteRun(runId)
                                    .then(batches.deleteRun(runId))
                                    .then(pool.removeRunDeliveries(runId))
                                    .then(execute(runId, entity, date)));
                })
                .switchIfEmpty(Mono.defer(() -> awaitRecorded(runId, entity, date)));
    }

    /**
     * Another instance holds this run's lease: answer once the run is recorded; take it over once the lease lapses
     * (its planner is gone); after a while, 409 — never the run as it stands while PLANNING.
     */
    private Mono<RunView> awaitRecorded(String runId, Entity entity, LocalDate date) {
        return lease.awaitOtherPlanner(runId).flatMap(run -> {
            if (run.isEmpty()) {
                return Mono.just(ShowingRuns.nothingToPlan(runId, entity, date));
            }
            return run.get().planning() ? joinOrResume(runId, entity, date) : showing.recorded(run.get());
        });
    }

    private Mono<RunView> execute(String runId, Entity entity, LocalDate date) {
        Instant reference = RunReference.of(date);
        return planning.plan(entity, date).flatMap(planned -> {
            if (planned.batches().isEmpty()) {
                log.info(
                        "Run {}: no commande to serve, nothing recorded (not caught up at start; an operator may"
                                + " still run the date)",
                        runId);
                // the verdict first: a catch-up starting in between must not find the date unmade
                return runs.noteNothingToPlan(runId, properties.instanceId(), clock.instant())
                        .then(runs.delete(runId, properties.instanceId()))
                        .thenReturn(ShowingRuns.nothingToPlan(runId, entity, date));
            }
            List<String> leadIds = planned.batches().stream()
                    .flatMap(b -> b.leadIds().stream())
                    .toList();
            return pool.leads(leadIds)
                    .collectMap(LeadData::leadId)
                    .flatMap(leads -> recording.record(runId, entity, date, reference, planned, leads))
                    .doOnSuccess(v -> outbox.publishSoon(runId))
                    .then(Mono.defer(() -> existing(runId)));
        });
    }
}
