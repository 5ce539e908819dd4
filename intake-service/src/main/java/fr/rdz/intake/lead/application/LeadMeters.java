package fr.rdz.intake.lead.application;

import fr.rdz.events.Entity;
import fr.rdz.events.LeadStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * {@code rdz.leads.received}: leads stored by intake, tagged {@code entity} (of the form; {@code
 * none} for an unknown form) and {@code status}. Low cardinality only: never a lead id or a phone.
 */
@Component
public class LeadMeters {

    static final String RECEIVED = "rdz.leads.received";

    private final MeterRegistry registry;

    public LeadMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    public void received(Entity entity, LeadStatus status) {
        Counter.builder(RECEIVED)
                .description("Leads received and stored by intake")
                .tag("entity", entity == null ? "none" : entity.name())
                .tag("status", status.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }
}
