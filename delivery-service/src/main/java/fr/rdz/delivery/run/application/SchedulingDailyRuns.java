package fr.rdz.delivery.run.application;

import fr.rdz.delivery.planning.domain.CatchUpPolicy;
import fr.rdz.delivery.planning.domain.RunReference;
import fr.rdz.events.Entity;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.Function;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * When runs happen by themselves: every day at 09:30 Europe/Paris (the cron is evaluated in that zone,
 * so DST changes never move it), one run per entity, one entity after the other (a cross-entity
 * commande of one never races the other's run in this instance). At start, runs abandoned in PLANNING
 * are redone and today's run is caught up if 09:30 Paris has passed ({@link CatchUpPolicy}). The outbox
 * sweeper retries unpublished batches. The catch-up first waits (up to 5 min) for the pool view to have
 * consumed what was published while the service was down. ShedLock keeps the instances from all waking the job together;
 * the unique run record is what guarantees one run per entity and date.
 */
@Component
@ConditionalOnProperty(name = "rdz.delivery.scheduling-enabled", havingValue = "true", matchIfMissing = true)
public class SchedulingDailyRuns {

    private static final Logger log = LoggerFactory.getLogger(SchedulingDailyRuns.class);

    private final PlanningDailyRun planning;
    private final PublishingRunOutbox outbox;
    private final Clock clock;
    private final PoolViewCatchUp lag;

    public SchedulingDailyRuns(
            PlanningDailyRun planning, PublishingRunOutbox outbox, Clock clock, PoolViewCatchUp lag) {
        this.planning = planning;
        this.outbox = outbox;
        this.clock = clock;
        this.lag = lag;
    }

    @Scheduled(cron = "0 30 9 * * *", zone = "Europe/Paris")
    @SchedulerLock(name = "delivery-daily-run", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public void dailyRun() {
        LocalDate date = RunReference.parisDate(clock.instant());
        runAll(date, entity -> planning.run(entity, date, false));
    }

    @EventListener(ApplicationReadyEvent.class)
    public void catchUpAtStart() {
        Schedulers.boundedElastic().schedule(this::catchUp);
    }

    /**
     * The catch-up at start (blocking: called off the event loops): abandoned runs redone, today's run made if it
     * was missed ({@link PlanningDailyRun#catchUp}), the outbox swept.
     */
    public void catchUp() {
        try {
            planning.resumeAbandonedRuns().block(Duration.ofMinutes(30));
            if (CatchUpPolicy.dateToCatchUp(clock.instant()).isPresent()) {
                lag.awaitCaughtUp(Duration.ofMinutes(5));
                CatchUpPolicy.dateToCatchUp(clock.instant())
                        .ifPresent(date -> runAll(date, entity -> planning.catchUp(entity, date)));
            }
            outbox.sweep().block(Duration.ofMinutes(10));
        } catch (RuntimeException e) {
            log.error("Catch-up at start failed", e);
        }
    }

    @Scheduled(fixedDelayString = "${rdz.delivery.outbox-sweep:PT30S}", initialDelayString = "PT1M")
    public void sweepOutbox() {
        planning.resumeAbandonedRuns().then(outbox.sweep()).block(Duration.ofMinutes(10));
    }

    private void runAll(LocalDate date, Function<Entity, Mono<RunView>> planned) {
        Flux.fromArray(Entity.values())
                .concatMap(entity -> planned.apply(entity)
                        .doOnNext(run -> log.info(
                                "Run {}: {} ({} batches)",
                                run.id(),
                                run.state(),
                                run.batches().size()))
                        .onErrorResume(e -> {
                            log.error("Run of {} for {} failed", entity, date, e);
                            return Mono.empty();
                        }))
                .then()
                .block(Duration.ofMinutes(30));
    }
}
