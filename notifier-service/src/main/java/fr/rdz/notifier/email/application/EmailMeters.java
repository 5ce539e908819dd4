package fr.rdz.notifier.email.application;

import fr.rdz.events.DeliveryOutcome;
import fr.rdz.kit.metrics.DeliveryOutcomeCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code rdz.notifier.emails}: batch e-mail outcomes acknowledged by the broker, tagged {@code entity} and
 * {@code outcome} (sent, failed, dead_lettered…) by the kit's {@link DeliveryOutcomeCounter}.
 */
@Component
public class EmailMeters {

    static final String EMAILS = "rdz.notifier.emails";

    private final DeliveryOutcomeCounter counter;

    public EmailMeters(MeterRegistry registry) {
        this.counter = new DeliveryOutcomeCounter(registry, EMAILS, "Batch e-mails by outcome");
    }

    public void outcome(DeliveryOutcome outcome) {
        counter.count(outcome);
    }
}
