package fr.rdz.routing.lead.application;

import fr.rdz.events.Entity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code rdz.leads.routed}: leads routed for the first time, tagged {@code entity} ({@code none} for
 * an orphan) and {@code state} (wire name: fresh, no_order, invalid…). A redelivered event counts
 * nothing. Low cardinality only: never a lead id or a phone.
 */
@Component
public class RoutingMeters {

    static final String ROUTED = "rdz.leads.routed";

    private final MeterRegistry registry;

    public RoutingMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    public void routed(Entity entity, String state) {
        Counter.builder(ROUTED)
                .description("Leads routed, by routing state")
                .tag("entity", entity == null ? "none" : entity.name())
                .tag("state", state == null ? "none" : state)
                .register(registry)
                .increment();
    }
}
