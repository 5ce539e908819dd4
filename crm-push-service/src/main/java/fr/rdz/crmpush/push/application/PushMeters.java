package fr.rdz.crmpush.push.application;

import fr.rdz.events.DeliveryOutcome;
import fr.rdz.events.EventCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code rdz.crm.pushes}: CRM push outcomes acknowledged by the broker, tagged {@code entity} and
 * {@code outcome} (success, duplicate, validation_error, retrying, dead_lettered…). Low cardinality
 * only: never a lead, a client or a phone.
 */
@Component
public class PushMeters {

    static final String PUSHES = "rdz.crm.pushes";

    private final MeterRegistry registry;

    public PushMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    public void outcome(DeliveryOutcome outcome) {
        Counter.builder(PUSHES)
                .description("CRM pushes by outcome")
                .tag(
                        "entity",
                        outcome.entity() == null ? "none" : outcome.entity().name())
                .tag("outcome", EventCodec.mapper().convertValue(outcome.status(), String.class))
                .register(registry)
                .increment();
    }
}
