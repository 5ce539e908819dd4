package fr.rdz.routing.consent.mongo;

import fr.rdz.routing.consent.application.ConsentedLeads;
import fr.rdz.routing.lead.mongo.LeadDocument;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@link ConsentedLeads} in routing's {@code leads} ({@link LeadDocument}): one read by {@code _id}. */
@Component
public class MongoConsentedLeads implements ConsentedLeads {

    private final ReactiveMongoTemplate mongo;

    public MongoConsentedLeads(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<ConsentedLead> lead(String leadId) {
        return mongo.findById(leadId, LeadDocument.class).map(doc -> new ConsentedLead(doc.lead(), doc.erased()));
    }
}
