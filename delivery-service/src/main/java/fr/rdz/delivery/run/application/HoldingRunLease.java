package fr.rdz.delivery.run.application;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The lease of the instance planning a run. The planner renews it every third of {@code planning-lease} while it
 * works, so a lease only lapses when its planner is gone; a planner that fails releases it at once. Another
 * request for the run waits (at most {@link #WAIT_FOR_OTHER_PLANNER}) until the run is recorded or its lease
 * lapses, else {@link RunBeingPlanned} (409) — never a half-made run.
 */
final class HoldingRunLease {

    private static final Logger log = LoggerFactory.getLogger(HoldingRunLease.class);

    /** How long a request waits for a run another instance is planning before answering 409. */
    static final Duration WAIT_FOR_OTHER_PLANNER = Duration.ofSeconds(20);

    private final Runs runs;
    private final Clock clock;
    private final String instanceId;
    private final Duration lease;

    HoldingRunLease(Runs runs, Clock clock, String instanceId, Duration lease) {
        this.runs = runs;
        this.clock = clock;
        this.instanceId = instanceId;
        this.lease = lease;
    }

    /**
     * Runs {@code planning} while renewing the run's lease every third of the lease; if it fails, the lease is
     * released so that the run is taken over (and redone whole) at once.
     */
    <T> Mono<T> holding(String runId, Mono<T> planning) {
        return Mono.defer(() -> {
            Disposable heartbeat = Flux.interval(lease.dividedBy(3))
                    .concatMap(tick -> runs.renew(
                                    runId, instanceId, clock.instant().plus(lease))
                            .onErrorResume(e -> Mono.just(true)))
                    .takeWhile(renewed -> renewed)
                    .subscribe();
            return planning.onErrorResume(e -> {
                        log.error("Planning of run {} failed; its lease is released for a retry", runId, e);
                        return runs.release(runId, instanceId).then(Mono.error(e));
                    })
                    .doFinally(signal -> heartbeat.dispose());
        });
    }

    /**
     * Another instance holds the run's lease: the run once it is no longer planned or once its lease lapsed (its
     * planner is gone), empty when it was forgotten (nothing to plan); after {@link #WAIT_FOR_OTHER_PLANNER},
     * {@link RunBeingPlanned}.
     */
    Mono<Optional<RunRecord>> awaitOtherPlanner(String runId) {
        return runs.find(runId)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .filter(run ->
                        run.isEmpty() || !run.get().planning() || run.get().leaseLapsed(clock.instant()))
                .repeatWhenEmpty(repeats ->
                        repeats.delayElements(Duration.ofMillis(200)).take(WAIT_FOR_OTHER_PLANNER.toMillis() / 200))
                .switchIfEmpty(Mono.defer(() -> runs.find(runId)
                        .flatMap(run -> Mono.<Optional<RunRecord>>error(new RunBeingPlanned(runId, run.leaseUntil())))
                        .defaultIfEmpty(Optional.empty())));
    }
}
