package fr.rdz.events;

import java.time.Instant;

/**
 * Everything a lead is, as received: identity, reception time (the original one for imported
 * leads), the entity and product of its form (null for an orphan), contact, project answers,
 * source and consent proof. Carried unchanged from {@link LeadReceived} to {@link DeliveryPlanned}
 * so that every consumer has every field a CSV or CRM push needs.
 */
public record LeadData(
        String leadId,
        Instant receivedAt,
        Entity entity,
        Product product,
        LeadContact contact,
        LeadProject project,
        LeadSource source,
        ConsentProof consent) {

    /** The normalised phone: the key of every lead event. */
    public String phone() {
        return contact == null ? null : contact.phone();
    }

    public String departement() {
        return contact == null ? null : contact.departement();
    }

    /**
     * The same lead with its personal data erased (erasure of a person, retention limit): contact
     * blanked but the département, consent proof without IP and browser; ids, times, entity,
     * product, project answers and source kept for the anonymous figures.
     */
    public LeadData erased() {
        return new LeadData(
                leadId,
                receivedAt,
                entity,
                product,
                contact == null ? null : contact.erased(),
                project,
                source,
                consent == null ? null : consent.erased());
    }
}
