package fr.rdz.delivery.planning.domain;

import fr.rdz.events.Entity;
import fr.rdz.events.LeadKind;

/** One lead of a planned batch: which lead, Fresh or LB, from the other entity or not. */
public record PlannedDelivery(String leadId, String phone, Entity leadEntity, LeadKind kind, boolean crossEntity) {

    @Override
    public String toString() {
        return "PlannedDelivery[" + leadId + ", " + kind + (crossEntity ? ", cross-entity" : "") + "]";
    }
}
