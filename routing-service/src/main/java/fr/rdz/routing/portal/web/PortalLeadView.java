package fr.rdz.routing.portal.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.rdz.events.LeadContact;
import fr.rdz.routing.lead.application.StoredLead;
import java.time.Instant;

/**
 * A lead as its buyer sees it in the portal: what the CSV gave it (contact, product), the delivery
 * to this buyer, until when it may be returned, and its return if any. Nothing about other buyers,
 * the routing or the source.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PortalLeadView(
        String leadId,
        Instant receivedAt,
        String entity,
        String product,
        String civilite,
        String nom,
        String prenom,
        String phone,
        String email,
        String codePostal,
        String ville,
        String departement,
        String batchId,
        String runId,
        String commandeId,
        Instant deliveredAt,
        Instant returnableUntil,
        boolean returnable,
        Returned returned,
        /** Where the buyer opens the lead's proof of consent (signed, expiring); absent until a signer is wired. */
        String consentProofUrl) {

    /** The buyer's return of this lead. */
    record Returned(String reason, Instant at, String by) {}

    static PortalLeadView of(
            StoredLead doc,
            StoredLead.Delivery delivery,
            Instant returnableUntil,
            Instant now,
            String consentProofUrl) {
        LeadContact c = doc.lead().contact() == null
                ? new LeadContact(null, null, null, null, null, null, null, null, null)
                : doc.lead().contact();
        boolean returned =
                doc.rejectedClientIds() != null && doc.rejectedClientIds().contains(delivery.clientId());
        Returned ret = null;
        if (returned && doc.history() != null) {
            ret = doc.history().stream()
                    .filter(h ->
                            "rejected".equals(h.type()) && delivery.clientId().equals(h.clientId()))
                    .reduce((a, b) -> b)
                    .map(h -> new Returned(h.reason(), h.at(), h.by()))
                    .orElse(new Returned(null, null, null));
        }
        return new PortalLeadView(
                doc.id(),
                doc.lead().receivedAt(),
                doc.lead().entity() == null ? null : doc.lead().entity().name(),
                doc.lead().product() == null ? null : doc.lead().product().name(),
                c.civilite(),
                c.nom(),
                c.prenom(),
                c.phone(),
                c.email(),
                c.codePostal(),
                c.ville(),
                c.departement(),
                delivery.batchId(),
                delivery.runId(),
                delivery.commandeId(),
                delivery.deliveredAt(),
                returnableUntil,
                !returned && (returnableUntil == null || !returnableUntil.isBefore(now)),
                ret,
                consentProofUrl);
    }

    @Override
    public String toString() {
        return "PortalLeadView[leadId=" + leadId + ", batchId=" + batchId + "]";
    }
}
