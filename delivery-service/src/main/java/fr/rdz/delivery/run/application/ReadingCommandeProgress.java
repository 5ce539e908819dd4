package fr.rdz.delivery.run.application;

import fr.rdz.delivery.outcome.application.RecordingDeliveryOutcomes;
import fr.rdz.delivery.planning.domain.CommandeSelection;
import fr.rdz.delivery.planning.domain.Delivery;
import fr.rdz.delivery.planning.domain.RunReference;
import fr.rdz.delivery.planning.domain.WeeklyQuotaPacing;
import fr.rdz.delivery.pool.application.Catalog;
import fr.rdz.events.ClientSnapshot;
import fr.rdz.events.CommandeSnapshot;
import fr.rdz.kit.Operator;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A commande's progress over its week, read only by unique keys: the commande and client snapshots by
 * id, and its batches of the last 14 days by their ids ({@code run-<ENTITY>-<date>:<commande_id>}) with
 * their runs and their ledger lines' outcomes. Delivered counts come from recorded batches (a run still
 * PLANNING is not counted: it may be redone); today's target is that of the recorded batch, else what
 * {@link WeeklyQuotaPacing} gives now (0 when {@link CommandeSelection} does not serve the commande that day).
 */
@Service
public class ReadingCommandeProgress {

    static final int DAYS_SHOWN = 14;

    private final Catalog catalog;
    private final Batches batches;
    private final Runs runs;
    private final RecordingDeliveryOutcomes outcomes;
    private final Clock clock;

    public ReadingCommandeProgress(
            Catalog catalog, Batches batches, Runs runs, RecordingDeliveryOutcomes outcomes, Clock clock) {
        this.catalog = catalog;
        this.batches = batches;
        this.runs = runs;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /** Empty when the commande is unknown or of an entity the operator may not see. */
    public Mono<CommandeProgress> progress(String commandeId, LocalDate requested, Operator operator) {
        return progress(
                catalog.commande(commandeId).filter(c -> c.entity() != null && operator.canSee(c.entity())), requested);
    }

    /** A buyer's portal: empty when the commande is unknown, deleted or not {@code clientId}'s. */
    public Mono<CommandeProgress> progressForClient(String commandeId, LocalDate requested, String clientId) {
        return progress(
                catalog.commande(commandeId).filter(c -> clientId.equals(c.clientId()) && !c.deleted()), requested);
    }

    /** A buyer's portal: the ids of its commandes that are not deleted (a scan of the small commande snapshots). */
    public Flux<String> commandesOfClient(String clientId) {
        return catalog.commandes()
                .filter(c -> clientId.equals(c.clientId()) && !c.deleted())
                .map(CommandeSnapshot::id);
    }

    private Mono<CommandeProgress> progress(Mono<CommandeSnapshot> found, LocalDate requested) {
        LocalDate date = requested != null ? requested : RunReference.parisDate(clock.instant());
        return found.flatMap(commande -> Mono.zip(
                        catalog.client(commande.clientId()).map(Optional::of).defaultIfEmpty(Optional.empty()),
                        batchesUpTo(commande, date))
                .map(t -> progress(commande, t.getT1().orElse(null), date, t.getT2())));
    }

    private Flux<CommandeProgress.DatedBatch> recent(CommandeSnapshot commande, LocalDate date) {
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < DAYS_SHOWN; i++) {
            days.add(date.minusDays(i));
        }
        return Flux.fromIterable(days).flatMap(day -> {
            String runId = PlanningDailyRun.runId(commande.entity(), day);
            return Mono.zip(runs.find(runId), batches.find(runId + ":" + commande.id()))
                    .flatMap(t -> {
                        List<String> leadIds = t.getT2().leadIds();
                        return outcomes.ofLeads(runId, leadIds)
                                .map(recorded -> new CommandeProgress.DatedBatch(
                                        runId, day, t.getT1().state(), BatchViews.of(t.getT2(), recorded)));
                    });
        });
    }

    private Mono<List<CommandeProgress.DatedBatch>> batchesUpTo(CommandeSnapshot commande, LocalDate date) {
        return recent(commande, date)
                .collectSortedList(
                        Comparator.comparing(CommandeProgress.DatedBatch::date).reversed());
    }

    private static CommandeProgress progress(
            CommandeSnapshot commande,
            ClientSnapshot client,
            LocalDate date,
            List<CommandeProgress.DatedBatch> recent) {
        LocalDate monday = date.with(DayOfWeek.MONDAY);
        List<CommandeProgress.DatedBatch> recorded = recent.stream()
                .filter(b -> !RunRecord.PLANNING.equals(b.runState()))
                .toList();
        int deliveredThisWeek = 0;
        int deliveredBefore = 0;
        List<Delivery> weekBefore = new ArrayList<>();
        for (CommandeProgress.DatedBatch b : recorded) {
            if (b.date().isBefore(monday)) {
                continue;
            }
            int delivered = b.batch().leadIds().size();
            deliveredThisWeek += delivered;
            if (b.date().isBefore(date)) {
                deliveredBefore += delivered;
                for (String leadId : b.batch().leadIds()) {
                    weekBefore.add(new Delivery(
                            leadId, null, commande.product(), commande.clientId(), commande.id(), b.date(), null));
                }
            }
        }
        CommandeProgress.DatedBatch today =
                recorded.stream().filter(b -> b.date().equals(date)).findFirst().orElse(null);
        int target;
        if (today != null) {
            target = today.batch().target();
        } else {
            boolean served = !CommandeSelection.served(
                            List.of(commande), client == null ? List.of() : List.of(client), commande.entity(), date)
                    .isEmpty();
            target = served ? new WeeklyQuotaPacing(date, weekBefore).target(commande) : 0;
        }
        return new CommandeProgress(
                commande,
                client == null ? null : client.name(),
                date,
                monday,
                date.with(DayOfWeek.SUNDAY),
                deliveredThisWeek,
                deliveredBefore,
                target,
                today == null ? null : new CommandeProgress.TodayRun(today.runId(), today.runState(), today.batch()),
                recent);
    }
}
