package fr.rdz.events;

import java.util.List;

/**
 * Routing's decision for one lead: {@code fresh} with the commandes it is eligible for (same
 * entity and product, département listed, active, not a 30-day duplicate for the client), or why
 * it stays out of distribution. {@code lead} carries every field so delivery keeps its own pool.
 */
public record LeadRouted(LeadData lead, RoutingState state, List<String> eligibleCommandeIds, String reason)
        implements RoutingEvent {

    @Override
    public String key() {
        return lead.phone();
    }

    @Override
    public Entity entity() {
        return lead.entity();
    }
}
