package fr.rdz.routing.portal.application;

import fr.rdz.routing.lead.application.LeadRecords;
import fr.rdz.routing.lead.application.RejectingLead;
import fr.rdz.routing.lead.application.StoredLead;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A buyer's view of routing's leads: a lead is visible to a client only when it was delivered to
 * it and is not erased (read by {@code _id}); anything else is empty, as an unknown lead.
 */
@Service
public class ReadingPortalLeads {

    /** A lead delivered to the buyer, with its last delivery to it. */
    public record Delivered(StoredLead lead, StoredLead.Delivery delivery) {}

    private final LeadRecords leads;

    public ReadingPortalLeads(LeadRecords leads) {
        this.leads = leads;
    }

    public Mono<Delivered> deliveredTo(String clientId, String leadId) {
        return leads.byId(leadId).flatMap(doc -> deliveredTo(clientId, doc));
    }

    public Mono<Delivered> deliveredTo(String clientId, StoredLead doc) {
        if (doc.erased()) {
            return Mono.empty();
        }
        return Mono.justOrEmpty(RejectingLead.lastDeliveryTo(doc, clientId).map(d -> new Delivered(doc, d)));
    }
}
