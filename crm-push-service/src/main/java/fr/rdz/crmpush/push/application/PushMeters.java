package fr.rdz.crmpush.push.application;

import fr.rdz.events.DeliveryOutcome;
import fr.rdz.kit.metrics.DeliveryOutcomeCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code rdz.crm.pushes}: CRM push outcomes acknowledged by the broker, tagged {@code entity} and
 * {@code outcome} (success, duplicate, validation_error, retrying, dead_lettered…) by the kit's
 * {@link DeliveryOutcomeCounter}.
 */
@Component
public class PushMeters {

    static final String PUSHES = "rdz.crm.pushes";

    private final DeliveryOutcomeCounter counter;

    public PushMeters(MeterRegistry registry) {
        this.counter = new DeliveryOutcomeCounter(registry, PUSHES, "CRM pushes by outcome");
    }

    public void outcome(DeliveryOutcome outcome) {
        counter.count(outcome);
    }
}
