package fr.rdz.routing.portal.application;

import fr.rdz.routing.lead.application.RejectingLead;
import fr.rdz.routing.lead.mongo.DeliveryRef;
import fr.rdz.routing.lead.mongo.LeadDocument;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A buyer's view of routing's leads: a lead is visible to a client only when it was delivered to
 * it and is not erased (read by {@code _id}); anything else is empty, as an unknown lead.
 */
@Service
public class ReadingPortalLeads {

    /** A lead delivered to the buyer, with its last delivery to it. */
    public record Delivered(LeadDocument lead, DeliveryRef delivery) {}

    private final ReactiveMongoTemplate mongo;

    public ReadingPortalLeads(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Delivered> deliveredTo(String clientId, String leadId) {
        return mongo.findById(leadId, LeadDocument.class).flatMap(doc -> deliveredTo(clientId, doc));
    }

    public Mono<Delivered> deliveredTo(String clientId, LeadDocument doc) {
        if (doc.erased()) {
            return Mono.empty();
        }
        return Mono.justOrEmpty(RejectingLead.lastDeliveryTo(doc, clientId).map(d -> new Delivered(doc, d)));
    }
}
