package fr.rdz.delivery.run.application;

import fr.rdz.events.Entity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The daily run's meters, tagged {@code entity}: {@code rdz.delivery.run.duration} (wall time of a
 * run this instance planned and recorded, {@code outcome} recorded / nothing_to_plan / failed),
 * {@code rdz.delivery.batches} (batches recorded) and {@code rdz.delivery.batches.short} (those short
 * of their target).
 */
@Component
public class RunMeters {

    static final String DURATION = "rdz.delivery.run.duration";
    static final String BATCHES = "rdz.delivery.batches";
    static final String SHORT = "rdz.delivery.batches.short";

    private final MeterRegistry registry;

    public RunMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** {@code run}, timed; its batches counted once it is recorded. */
    public Mono<RunView> timed(Entity entity, Mono<RunView> run) {
        return Mono.defer(() -> {
            long started = System.nanoTime();
            return run.doOnSuccess(view -> {
                        boolean nothing = view == null || PlanningDailyRun.NOTHING_TO_PLAN.equals(view.state());
                        record(entity, nothing ? "nothing_to_plan" : "recorded", started);
                        if (!nothing) {
                            batches(entity, BATCHES, view.batches().size());
                            batches(
                                    entity,
                                    SHORT,
                                    view.batches().stream()
                                            .filter(RunView.BatchView::isShort)
                                            .count());
                        }
                    })
                    .doOnError(e -> record(entity, "failed", started));
        });
    }

    private void record(Entity entity, String outcome, long started) {
        Timer.builder(DURATION)
                .description("Wall time of a daily run planned and recorded by this instance")
                .tag("entity", entity.name())
                .tag("outcome", outcome)
                .register(registry)
                .record(Duration.ofNanos(System.nanoTime() - started));
    }

    private void batches(Entity entity, String name, long count) {
        Counter.builder(name)
                .description(SHORT.equals(name) ? "Batches recorded short of their target" : "Batches recorded")
                .tag("entity", entity.name())
                .register(registry)
                .increment(count);
    }
}
