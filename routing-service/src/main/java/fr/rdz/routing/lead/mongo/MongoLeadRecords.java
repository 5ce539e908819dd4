package fr.rdz.routing.lead.mongo;

import fr.rdz.events.Envelope;
import fr.rdz.events.LeadRejected;
import fr.rdz.routing.lead.application.LeadRecords;
import fr.rdz.routing.lead.application.StoredLead;
import fr.rdz.routing.outbox.OutboxEntry;
import java.time.Instant;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@link LeadRecords} in {@code leads} ({@link LeadDocument}, which is the {@link StoredLead} itself): the read by
 * {@code _id}, and the rejection as one update filtered on {@code _id} and the client not yet among
 * {@code rejectedClientIds}.
 */
@Component
public class MongoLeadRecords implements LeadRecords {

    private final ReactiveMongoTemplate mongo;

    public MongoLeadRecords(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<StoredLead> byId(String leadId) {
        return mongo.findById(leadId, LeadDocument.class).map(StoredLead.class::cast);
    }

    @Override
    public Mono<Void> markRejected(
            String leadId,
            StoredLead.Delivery delivery,
            String reason,
            String by,
            Envelope<LeadRejected> event,
            Instant at) {
        HistoryEntry entry = HistoryEntry.of(event.eventId().toString(), "rejected", at)
                .withDelivery(delivery.clientId(), delivery.commandeId(), delivery.batchId(), delivery.runId())
                .withReason(reason)
                .withBy(by);
        Update update = new Update()
                .addToSet("rejectedClientIds", delivery.clientId())
                .set("status", "rejected")
                .push("history", entry)
                .push("outbox", OutboxEntry.of(event));
        Query query = Query.query(
                Criteria.where("_id").is(leadId).and("rejectedClientIds").ne(delivery.clientId()));
        return mongo.updateFirst(query, update, LeadDocument.class).then();
    }
}
