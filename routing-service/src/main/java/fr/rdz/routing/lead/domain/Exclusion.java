package fr.rdz.routing.lead.domain;

import java.time.Instant;

/**
 * A commande that would have matched a lead (entity, product, département, in force, active
 * client) but was left out when it was routed: {@code duplicate} (the client had this phone and
 * product within 30 days, {@code until} when it may go again) or {@code rejected} (the client
 * rejected this person's lead) or {@code not_covered_by_consent} (the lead's consent text does not
 * name the client, spec §11). Kept on the routing record so an operator can be told why.
 */
public record Exclusion(String commandeId, String clientId, String reason, Instant until) {

    public static final String DUPLICATE = "duplicate";
    public static final String REJECTED = "rejected";
    public static final String NOT_COVERED_BY_CONSENT = "not_covered_by_consent";
}
