package fr.rdz.routing.lead.domain;

import java.time.Instant;

/**
 * A commande that would have matched a lead (entity, product, département, in force, active
 * client) but was left out when it was routed: {@code duplicate} (the client had this phone and
 * product within 30 days, {@code until} when it may go again) or {@code rejected} (the client
 * rejected this person's lead). Kept on the routing record so an operator can be told why.
 */
public record Exclusion(String commandeId, String clientId, String reason, Instant until) {

    public static final String DUPLICATE = "duplicate";
    public static final String REJECTED = "rejected";
}
