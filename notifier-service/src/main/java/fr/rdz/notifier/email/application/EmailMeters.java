package fr.rdz.notifier.email.application;

import fr.rdz.events.DeliveryOutcome;
import fr.rdz.events.EventCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code rdz.notifier.emails}: batch e-mail outcomes acknowledged by the broker, tagged {@code
 * entity} and {@code outcome} (sent, failed, dead_lettered…). Low cardinality only: never a batch,
 * a client or an address.
 */
@Component
public class EmailMeters {

    static final String EMAILS = "rdz.notifier.emails";

    private final MeterRegistry registry;

    public EmailMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    public void outcome(DeliveryOutcome outcome) {
        Counter.builder(EMAILS)
                .description("Batch e-mails by outcome")
                .tag(
                        "entity",
                        outcome.entity() == null ? "none" : outcome.entity().name())
                .tag("outcome", EventCodec.mapper().convertValue(outcome.status(), String.class))
                .register(registry)
                .increment();
    }
}
