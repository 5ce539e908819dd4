package fr.rdz.events;

import java.util.List;

/**
 * Routing's decision for one lead: {@code fresh} with the commandes it is eligible for (same
 * entity and product, département listed, active, not a 30-day duplicate for the client), or why
 * it stays out of distribution. {@code lead} carries every field so delivery keeps its own pool.
 * {@code consent_client_ids}: the clients the lead's consent text names (directly or through a
 * partner group); null when the lead has no known catalog text (no restriction, as before).
 */
public record LeadRouted(
        LeadData lead,
        RoutingState state,
        List<String> eligibleCommandeIds,
        String reason,
        List<String> consentClientIds)
        implements RoutingEvent {

    /** A decision without consent restriction: every client may receive the lead. */
    public LeadRouted(LeadData lead, RoutingState state, List<String> eligibleCommandeIds, String reason) {
        this(lead, state, eligibleCommandeIds, reason, null);
    }

    /**
     * Whether the lead's consent covers this client: {@code consent_client_ids} null means no
     * restriction (legacy lead or no catalog text), otherwise only the listed clients may get it.
     */
    public boolean consentCovers(String clientId) {
        return consentClientIds == null || consentClientIds.contains(clientId);
    }

    @Override
    public String key() {
        return lead.phone();
    }

    @Override
    public Entity entity() {
        return lead.entity();
    }
}
