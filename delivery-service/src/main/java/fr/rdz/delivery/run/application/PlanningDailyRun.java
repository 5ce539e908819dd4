package fr.rdz.delivery.run.application;

import fr.rdz.delivery.config.DeliveryProperties;
import fr.rdz.delivery.outcome.application.RecordingDeliveryOutcomes;
import fr.rdz.delivery.outcome.domain.BatchDeliveryOutcome;
import fr.rdz.delivery.outcome.domain.ChannelOutcome;
import fr.rdz.delivery.planning.domain.DailyRunPlanner;
import fr.rdz.delivery.planning.domain.LeadAge;
import fr.rdz.delivery.planning.domain.PlannedBatch;
import fr.rdz.delivery.planning.domain.PlannedDelivery;
import fr.rdz.delivery.planning.domain.PoolLead;
import fr.rdz.delivery.planning.domain.ReceivedAfterCutOff;
import fr.rdz.delivery.planning.domain.RunInput;
import fr.rdz.delivery.planning.domain.RunReference;
import fr.rdz.delivery.pool.mongo.CatalogStore;
import fr.rdz.delivery.pool.mongo.PoolStore;
import fr.rdz.delivery.run.mongo.BatchStore;
import fr.rdz.delivery.run.mongo.LedgerStore;
import fr.rdz.delivery.run.mongo.RunStore;
import fr.rdz.events.BatchSummary;
import fr.rdz.events.ClientSnapshot;
import fr.rdz.events.CommandeSnapshot;
import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.DeliveryPlanned;
import fr.rdz.events.Entity;
import fr.rdz.events.Envelope;
import fr.rdz.events.EventCodec;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadDelivered;
import fr.rdz.events.OutcomeChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The daily run of one entity for one date, exactly once: the run record ({@code _id = run-<ENTITY>-
 * <date>}) is inserted before anything is planned; whoever inserts it plans, everybody else gets the
 * existing run. Planning reads the pool, catalog and ledger, asks the pure {@link DailyRunPlanner},
 * writes the batches and their event parts (outbox, {@link SplittingBatchEvent}), the ledger lines and the pool's delivery marks — all keyed by run, so
 * a run that crashed before RECORDED is redone from scratch by the next instance once its lease has
 * expired — then flips the run to RECORDED and hands it to the outbox relay. Nothing is published
 * before RECORDED, so a redone run never delivers a lead twice. A dry run plans the same way and
 * records nothing.
 *
 * <p>The planner renews its lease every third of {@code planning-lease} while it works, so a lease
 * only lapses when its planner is gone; a planner that fails releases it at once. A request for a run
 * another instance is planning waits for it (at most {@link #WAIT_FOR_OTHER_PLANNER}), takes it over
 * as soon as its lease lapses and redoes it whole, or answers {@link RunBeingPlanned} (409) — never a
 * half-made run.
 */
@Service
public class PlanningDailyRun {

    private static final Logger log = LoggerFactory.getLogger(PlanningDailyRun.class);
    private static final String PRODUCER = "delivery-service";
    /** The state answered when no commande of the entity is served that day: nothing recorded, the date stays open. */
    public static final String NOTHING_TO_PLAN = "NOTHING_TO_PLAN";

    /** How long a request waits for a run another instance is planning before answering 409. */
    private static final Duration WAIT_FOR_OTHER_PLANNER = Duration.ofSeconds(20);

    private final PoolStore pool;
    private final CatalogStore catalog;
    private final LedgerStore ledger;
    private final RunStore runs;
    private final BatchStore batches;
    private final PublishingRunOutbox outbox;
    private final RecordingDeliveryOutcomes outcomes;
    private final Clock clock;
    private final DeliveryProperties properties;
    private final RunMeters meters;
    private final DailyRunPlanner planner = new DailyRunPlanner();
    private final SplittingBatchEvent splitting;

    public PlanningDailyRun(
            PoolStore pool,
            CatalogStore catalog,
            LedgerStore ledger,
            RunStore runs,
            BatchStore batches,
            PublishingRunOutbox outbox,
            RecordingDeliveryOutcomes outcomes,
            Clock clock,
            DeliveryProperties properties,
            RunMeters meters) {
        this.meters = meters;
        this.pool = pool;
        this.catalog = catalog;
        this.ledger = ledger;
        this.runs = runs;
        this.batches = batches;
        this.outbox = outbox;
        this.outcomes = outcomes;
        this.clock = clock;
        this.properties = properties;
        this.splitting = new SplittingBatchEvent(properties.batchPartBytes(), properties.maxRecordBytes());
    }

    public static String runId(Entity entity, LocalDate date) {
        return "run-" + entity + "-" + date;
    }

    public Mono<RunView> run(Entity entity, LocalDate date, boolean dryRun) {
        String runId = runId(entity, date);
        if (dryRun) {
            return existing(runId).switchIfEmpty(Mono.defer(() -> preview(entity, date)));
        }
        Instant now = clock.instant();
        return runs.create(runId, entity, date, properties.instanceId(), now, now.plus(properties.planningLease()))
                .flatMap(created -> created
                        ? meters.timed(entity, holdingLease(runId, execute(runId, entity, date)))
                        : joinOrResume(runId, entity, date));
    }

    public Mono<RunView> find(String runId) {
        return existing(runId);
    }

    public reactor.core.publisher.Flux<RunView> list(LocalDate date, Entity entity) {
        return runs.list(date, entity).concatMap(this::view);
    }

    /** The runs dated {@code from}..{@code to} (inclusive; either may be open), newest date first. */
    public reactor.core.publisher.Flux<RunView> list(LocalDate from, LocalDate to, Entity entity) {
        return runs.listBetween(from, to, entity).concatMap(this::view);
    }

    /** Resumes every run left in PLANNING whose owner's lease has expired (called at start and by the sweeper). */
    public Mono<Void> resumeAbandonedRuns() {
        Instant now = clock.instant();
        return runs.inState(RunStore.PLANNING)
                .filter(d -> d.getDate("lease_until").toInstant().isBefore(now))
                .concatMap(d -> joinOrResume(
                                d.getString("_id"),
                                Entity.valueOf(d.getString("entity")),
                                LocalDate.parse(d.getString("date")))
                        .onErrorResume(e -> {
                            log.error("Could not resume run {}", d.getString("_id"), e);
                            return Mono.empty();
                        }))
                .then();
    }

    private Mono<RunView> existing(String runId) {
        return runs.find(runId).flatMap(this::view);
    }

    private Mono<RunView> joinOrResume(String runId, Entity entity, LocalDate date) {
        Instant now = clock.instant();
        return runs.takeOver(runId, properties.instanceId(), now, now.plus(properties.planningLease()))
                .flatMap(taken -> {
                    log.warn("Run {} was abandoned while PLANNING: redoing it", runId);
                    return holdingLease(
                            runId,
                            ledger.deleteRun(runId)
                                    .then(batches.deleteRun(runId))
                                    .then(pool.removeRunDeliveries(runId))
                                    .then(execute(runId, entity, date)));
                })
                .switchIfEmpty(Mono.defer(() -> awaitRecorded(runId, entity, date)));
    }

    /**
     * Another instance holds this run's lease: answer once the run is recorded; take it over once the
     * lease lapses (its planner is gone); after {@link #WAIT_FOR_OTHER_PLANNER}, 409 — never the run as
     * it stands while PLANNING.
     */
    private Mono<RunView> awaitRecorded(String runId, Entity entity, LocalDate date) {
        return runs.find(runId)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .filter(d ->
                        d.isEmpty() || !RunStore.PLANNING.equals(d.get().getString("state")) || leaseLapsed(d.get()))
                .repeatWhenEmpty(repeats ->
                        repeats.delayElements(Duration.ofMillis(200)).take(WAIT_FOR_OTHER_PLANNER.toMillis() / 200))
                .switchIfEmpty(Mono.defer(() -> runs.find(runId)
                        .flatMap(d -> Mono.<Optional<Document>>error(new RunBeingPlanned(
                                runId, d.getDate("lease_until").toInstant())))
                        .defaultIfEmpty(Optional.empty())))
                .flatMap(d -> {
                    if (d.isEmpty()) {
                        return Mono.just(nothingToPlan(runId, entity, date));
                    }
                    return RunStore.PLANNING.equals(d.get().getString("state"))
                            ? joinOrResume(runId, entity, date)
                            : view(d.get());
                });
    }

    private boolean leaseLapsed(Document run) {
        Date until = run.getDate("lease_until");
        return until == null || until.toInstant().isBefore(clock.instant());
    }

    /**
     * Runs {@code planning} while renewing the run's lease every third of {@code planning-lease}; if
     * it fails, the lease is released so that the run is taken over (and redone whole) at once.
     */
    private Mono<RunView> holdingLease(String runId, Mono<RunView> planning) {
        Duration lease = properties.planningLease();
        return Mono.defer(() -> {
            Disposable heartbeat = Flux.interval(lease.dividedBy(3))
                    .concatMap(tick -> runs.renew(
                                    runId,
                                    properties.instanceId(),
                                    clock.instant().plus(lease))
                            .onErrorResume(e -> Mono.just(true)))
                    .takeWhile(renewed -> renewed)
                    .subscribe();
            return planning.onErrorResume(e -> {
                        log.error("Planning of run {} failed; its lease is released for a retry", runId, e);
                        return runs.release(runId, properties.instanceId()).then(Mono.error(e));
                    })
                    .doFinally(signal -> heartbeat.dispose());
        });
    }

    private Mono<RunView> preview(Entity entity, LocalDate date) {
        return plan(entity, date)
                .map(planned -> new RunView(
                        runId(entity, date),
                        entity,
                        date,
                        true,
                        null,
                        null,
                        planned.batches().stream()
                                .map(b -> batchView(
                                        runId(entity, date),
                                        b,
                                        planned.clients().get(b.clientId())))
                                .toList()));
    }

    private record Planned(
            List<PlannedBatch> batches, Map<String, ClientSnapshot> clients, Map<String, CommandeSnapshot> commandes) {}

    private Mono<Planned> plan(Entity entity, LocalDate date) {
        Instant reference = RunReference.of(date);
        Mono<List<CommandeSnapshot>> commandes = catalog.commandes().collectList();
        Mono<List<ClientSnapshot>> clients = catalog.clients().collectList();
        return Mono.zip(commandes, clients).flatMap(catalogs -> {
            boolean crossEntity = catalogs.getT1().stream()
                    .anyMatch(c -> c.entity() == entity && c.allowCrossEntity() && c.active() && !c.deleted());
            Set<Entity> entities = crossEntity ? EnumSet.allOf(Entity.class) : EnumSet.of(entity);
            // why-short (issue 12): leads received after the cut-off are read too, only to be counted
            Instant readUntil = ReceivedAfterCutOff.readUntil(reference, clock.instant());
            return Mono.zip(
                            pool.forPlanning(entities, readUntil).collectList(),
                            ledger.between(RunReference.daysBefore(reference, LeadAge.REDELIVERY_DAYS + 1), reference)
                                    .collectList())
                    .publishOn(Schedulers.boundedElastic())
                    .map(data -> {
                        long started = System.nanoTime();
                        Map<Boolean, List<PoolLead>> late = data.getT1().stream()
                                .collect(Collectors.partitioningBy(
                                        l -> !l.receivedAt().isBefore(reference)));
                        List<PlannedBatch> planned = ReceivedAfterCutOff.explain(
                                planner.plan(new RunInput(
                                        entity,
                                        date,
                                        late.get(false),
                                        catalogs.getT1(),
                                        catalogs.getT2(),
                                        data.getT2())),
                                catalogs.getT1(),
                                entity,
                                late.get(true),
                                reference);
                        log.info(
                                "Planned {} {}: {} batches from {} pool leads in {} ms",
                                entity,
                                date,
                                planned.size(),
                                data.getT1().size(),
                                (System.nanoTime() - started) / 1_000_000);
                        return new Planned(
                                planned,
                                catalogs.getT2().stream()
                                        .collect(
                                                Collectors.toMap(ClientSnapshot::id, Function.identity(), (a, b) -> b)),
                                catalogs.getT1().stream()
                                        .collect(Collectors.toMap(
                                                CommandeSnapshot::id, Function.identity(), (a, b) -> b)));
                    });
        });
    }

    private Mono<RunView> execute(String runId, Entity entity, LocalDate date) {
        Instant reference = RunReference.of(date);
        return plan(entity, date).flatMap(planned -> {
            if (planned.batches().isEmpty()) {
                log.info("Run {}: no commande to serve, nothing recorded", runId);
                return runs.delete(runId, properties.instanceId()).thenReturn(nothingToPlan(runId, entity, date));
            }
            List<String> leadIds = planned.batches().stream()
                    .flatMap(b -> b.leadIds().stream())
                    .toList();
            return pool.leads(leadIds)
                    .collectMap(LeadData::leadId)
                    .flatMap(leads -> record(runId, entity, date, reference, planned, leads))
                    .doOnSuccess(v -> outbox.publishSoon(runId))
                    .then(Mono.defer(() -> existing(runId)));
        });
    }

    private static RunView nothingToPlan(String runId, Entity entity, LocalDate date) {
        return new RunView(runId, entity, date, false, NOTHING_TO_PLAN, null, List.of());
    }

    private Mono<Void> record(
            String runId,
            Entity entity,
            LocalDate date,
            Instant reference,
            Planned planned,
            Map<String, LeadData> leads) {
        Instant now = clock.instant();
        List<Document> batchDocs = new ArrayList<>();
        List<Document> partDocs = new ArrayList<>();
        List<LeadDelivered> lines = new ArrayList<>();
        Map<String, String> clientByLead = new LinkedHashMap<>();
        List<BatchSummary> summaries = new ArrayList<>();
        int order = 0;
        for (PlannedBatch b : planned.batches()) {
            String batchId = runId + ":" + b.commandeId();
            ClientSnapshot client = planned.clients().get(b.clientId());
            List<String> deliveredEvents = new ArrayList<>();
            for (PlannedDelivery d : b.leads()) {
                LeadDelivered line = RunEvents.leadDelivered(runId, date, entity, batchId, b, d);
                lines.add(line);
                clientByLead.put(d.leadId(), b.clientId());
                deliveredEvents.add(json(Envelope.of(UUID.randomUUID(), line, PRODUCER, now)));
            }
            List<SplittingBatchEvent.Part> parts = List.of();
            if (!b.leads().isEmpty()) {
                DeliveryPlanned event = RunEvents.deliveryPlanned(runId, date, entity, batchId, b, client, leads);
                parts = splitting.split(event, PRODUCER, now, UUID::randomUUID);
                int offset = 0;
                for (SplittingBatchEvent.Part part : parts) {
                    int size = part.leads().size();
                    partDocs.add(BatchStore.partDocument(
                            batchId,
                            runId,
                            date,
                            part.number(),
                            part.envelopeJson(),
                            deliveredEvents.subList(offset, offset + size)));
                    offset += size;
                }
                if (parts.size() > 1) {
                    log.info(
                            "Run {}: batch {} of {} leads travels in {} parts of at most {} bytes",
                            runId,
                            batchId,
                            b.leads().size(),
                            parts.size(),
                            properties.batchPartBytes());
                }
            }
            batchDocs.add(batchDocument(batchId, runId, b, order++)
                    .append("client_name", client == null ? null : client.name())
                    .append("entity", entity.name())
                    .append("run_date", date.toString())
                    .append("published", b.leads().isEmpty())
                    .append("parts", parts.size())
                    .append(
                            "channels",
                            channels(b, client).stream()
                                    .map(OutcomeChannel::name)
                                    .toList()));
            summaries.add(RunEvents.summary(batchId, b));
        }
        String completed = json(Envelope.of(
                UUID.randomUUID(), RunEvents.runCompleted(runId, entity, date, now, summaries), PRODUCER, now));
        return batches.writeParts(partDocs)
                .then(batches.write(batchDocs))
                .then(ledger.write(lines))
                .then(pool.recordDeliveries(runId, reference, clientByLead))
                .then(runs.markRecorded(runId, properties.instanceId(), now, completed))
                .doOnNext(recorded -> {
                    if (recorded) {
                        log.info("Run {} recorded: {} batches, {} leads", runId, batchDocs.size(), lines.size());
                    } else {
                        log.warn("Run {} was taken over by another instance before it was recorded", runId);
                    }
                })
                .then();
    }

    private static Document batchDocument(String batchId, String runId, PlannedBatch b, int order) {
        return new Document("_id", batchId)
                .append("run_id", runId)
                .append("order", order)
                .append("commande_id", b.commandeId())
                .append("client_id", b.clientId())
                .append("product", b.product().name())
                .append("lead_ids", b.leadIds())
                .append("target", b.target())
                .append("fresh", b.fresh())
                .append("lb", b.lb())
                .append("cross_entity", b.crossEntity())
                .append("duplicates_replaced", b.duplicatesReplaced())
                .append("short", b.isShort())
                .append(ShortReasonDocuments.FIELD, ShortReasonDocuments.write(b.shortReasons()));
    }

    private static String json(Envelope<?> envelope) {
        return new String(EventCodec.encode(envelope), StandardCharsets.UTF_8);
    }

    /** The channels the batch goes out on: the client's, none for an empty batch (recorded, never sent). */
    private static List<OutcomeChannel> channels(PlannedBatch b, ClientSnapshot client) {
        if (b.leads().isEmpty() || client == null || client.deliveryChannel() == null) {
            return List.of();
        }
        DeliveryChannel channel = client.deliveryChannel();
        List<OutcomeChannel> channels = new ArrayList<>();
        if (channel.byEmail()) {
            channels.add(OutcomeChannel.EMAIL);
        }
        if (channel.byApi()) {
            channels.add(OutcomeChannel.API);
        }
        return List.copyOf(channels);
    }

    private static RunView.BatchView batchView(String runId, PlannedBatch b, ClientSnapshot client) {
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
                channels(b, client),
                BatchDeliveryOutcome.NONE,
                b.shortReasons(),
                client == null ? null : client.name());
    }

    private static RunView.BatchView batchView(Document b, Map<String, Map<OutcomeChannel, ChannelOutcome>> recorded) {
        List<String> leadIds = b.getList("lead_ids", String.class);
        List<OutcomeChannel> channels = b.getList("channels", String.class, List.of()).stream()
                .map(OutcomeChannel::valueOf)
                .toList();
        return new RunView.BatchView(
                b.getString("_id"),
                b.getString("commande_id"),
                b.getString("client_id"),
                b.getString("product"),
                leadIds,
                b.getInteger("fresh"),
                b.getInteger("lb"),
                b.getInteger("cross_entity"),
                b.getInteger("duplicates_replaced"),
                b.getInteger("target"),
                b.getBoolean("short"),
                channels,
                BatchDeliveryOutcome.of(leadIds, channels, recorded),
                ShortReasonDocuments.read(b),
                b.getString("client_name"));
    }

    private Mono<RunView> view(Document run) {
        String runId = run.getString("_id");
        Date plannedAt = run.getDate("planned_at");
        // the ledger lines of the batches' leads by _id (unique-key lookups), not a scan of the ledger by run
        return batches.ofRun(runId)
                .collectList()
                .flatMap(docs -> outcomes.ofLeads(
                                runId,
                                docs.stream()
                                        .flatMap(b -> b.getList("lead_ids", String.class, List.of()).stream())
                                        .toList())
                        .map(recorded ->
                                docs.stream().map(b -> batchView(b, recorded)).toList()))
                .map(list -> new RunView(
                        runId,
                        Entity.valueOf(run.getString("entity")),
                        LocalDate.parse(run.getString("date")),
                        false,
                        run.getString("state"),
                        plannedAt == null ? null : plannedAt.toInstant(),
                        list));
    }
}
