package fr.rdz.kit.metrics;

import fr.rdz.events.DeliveryOutcome;
import fr.rdz.events.EventCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A counter of the delivery outcomes a channel published (counted once the broker acknowledged them), tagged
 * {@code entity} ({@code none} when absent) and {@code outcome} (the status as on the wire: {@code sent},
 * {@code success}, {@code dead_lettered}…). Low cardinality only: never a lead, a batch, a client or an address.
 */
public final class DeliveryOutcomeCounter {

    private final MeterRegistry registry;
    private final String name;
    private final String description;

    public DeliveryOutcomeCounter(MeterRegistry registry, String name, String description) {
        this.registry = registry;
        this.name = name;
        this.description = description;
    }

    public void count(DeliveryOutcome outcome) {
        Counter.builder(name)
                .description(description)
                .tag(
                        "entity",
                        outcome.entity() == null ? "none" : outcome.entity().name())
                .tag("outcome", EventCodec.mapper().convertValue(outcome.status(), String.class))
                .register(registry)
                .increment();
    }
}
