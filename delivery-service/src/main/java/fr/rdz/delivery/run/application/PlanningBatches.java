package fr.rdz.delivery.run.application;

import fr.rdz.delivery.planning.domain.DailyRunPlanner;
import fr.rdz.delivery.planning.domain.LeadAge;
import fr.rdz.delivery.planning.domain.PlannedBatch;
import fr.rdz.delivery.planning.domain.PoolLead;
import fr.rdz.delivery.planning.domain.ReceivedAfterCutOff;
import fr.rdz.delivery.planning.domain.RunInput;
import fr.rdz.delivery.planning.domain.RunReference;
import fr.rdz.delivery.pool.application.Catalog;
import fr.rdz.delivery.pool.application.PoolLeads;
import fr.rdz.events.ClientSnapshot;
import fr.rdz.events.CommandeSnapshot;
import fr.rdz.events.Entity;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Plans the batches of an entity's run for a date: reads the catalog, the pool (leads received after the cut-off
 * too, only to explain a short batch) and the ledger of the redelivery window, and asks the pure
 * {@link DailyRunPlanner}. Writes nothing.
 */
final class PlanningBatches {

    private static final Logger log = LoggerFactory.getLogger(PlanningBatches.class);

    /** The batches planned, with the catalog they were planned from. */
    record Planned(
            List<PlannedBatch> batches, Map<String, ClientSnapshot> clients, Map<String, CommandeSnapshot> commandes) {}

    private final PoolLeads pool;
    private final Catalog catalog;
    private final Ledger ledger;
    private final Clock clock;
    private final DailyRunPlanner planner = new DailyRunPlanner();

    PlanningBatches(PoolLeads pool, Catalog catalog, Ledger ledger, Clock clock) {
        this.pool = pool;
        this.catalog = catalog;
        this.ledger = ledger;
        this.clock = clock;
    }

    Mono<Planned> plan(Entity entity, LocalDate date) {
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
}
