package fr.rdz.routing.lead.mongo;

import fr.rdz.events.DeliveryOutcome;
import fr.rdz.events.Envelope;
import fr.rdz.events.LeadDelivered;
import fr.rdz.routing.lead.application.LeadFacts;
import fr.rdz.routing.lead.application.Wire;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link LeadFacts} in {@code delivery_ledger} ({@link LedgerEntry}), {@code phone_facts} ({@link PhoneFactsStore}),
 * {@code channel_history} ({@link ChannelHistory}) and {@code lead_facts_pending} ({@link PendingLeadFact}, which is
 * the {@link LeadFacts.Pending} itself): each saved by {@code _id}; a copy into a lead's record goes through
 * {@link HistoryOnce} (the compare-and-set on {@code (_id, historyVersion)}).
 */
@Component
public class MongoLeadFacts implements LeadFacts<PendingLeadFact> {

    private final ReactiveMongoTemplate mongo;
    private final PhoneFactsStore phoneFacts;
    private final HistoryOnce historyOnce;

    public MongoLeadFacts(ReactiveMongoTemplate mongo, PhoneFactsStore phoneFacts, HistoryOnce historyOnce) {
        this.mongo = mongo;
        this.phoneFacts = phoneFacts;
        this.historyOnce = historyOnce;
    }

    @Override
    public Mono<PendingLeadFact> delivered(Envelope<LeadDelivered> envelope) {
        LeadDelivered d = envelope.payload();
        LedgerEntry line = new LedgerEntry(
                d.leadId() + ":" + d.clientId() + ":" + d.batchId(),
                d.leadId(),
                d.phone(),
                d.product(),
                d.clientId(),
                d.deliveredAt(),
                envelope.eventId().toString(),
                d.commandeId(),
                d.batchId(),
                d.runId(),
                Wire.of(d.kind()),
                d.crossEntity());
        return mongo.save(line)
                .then(phoneFacts.delivered(line))
                .then(Mono.fromSupplier(() -> PendingLeadFact.of(line)));
    }

    @Override
    public Mono<PendingLeadFact> reported(String eventId, String type, DeliveryOutcome o, String leadId) {
        HistoryEntry entry = HistoryEntry.of(eventId, type, o.at())
                .withStatus(Wire.of(o.status()))
                .withChannel(Wire.of(o.channel()))
                .withDelivery(o.clientId(), null, o.batchId(), o.runId())
                .withReason(o.reason());
        ChannelHistory report = new ChannelHistory(eventId + ":" + leadId, leadId, entry);
        return mongo.save(report).then(Mono.fromSupplier(() -> PendingLeadFact.of(report)));
    }

    @Override
    public Mono<Void> keep(PendingLeadFact fact) {
        return mongo.save(fact).then();
    }

    @Override
    public Flux<PendingLeadFact> pendingOf(String leadId) {
        return mongo.find(Query.query(Criteria.where("leadId").is(leadId)), PendingLeadFact.class);
    }

    @Override
    public Mono<Boolean> copyOnce(PendingLeadFact fact) {
        return historyOnce.apply(fact.leadId(), fact.eventId(), () -> copy(fact));
    }

    @Override
    public Mono<Void> forget(PendingLeadFact fact) {
        return mongo.remove(Query.query(Criteria.where("_id").is(fact.id())), PendingLeadFact.class)
                .then();
    }

    private static Update copy(PendingLeadFact fact) {
        if (fact.line() == null) {
            return new Update().push("history", fact.channel().entry());
        }
        LedgerEntry l = fact.line();
        return new Update()
                .push(
                        "history",
                        HistoryEntry.of(l.eventId(), "delivered", l.deliveredAt())
                                .withDelivery(l.clientId(), l.commandeId(), l.batchId(), l.runId())
                                .withKind(l.kind(), l.crossEntity()))
                .push(
                        "deliveries",
                        new DeliveryRef(
                                l.clientId(),
                                l.commandeId(),
                                l.batchId(),
                                l.runId(),
                                l.deliveredAt(),
                                l.kind(),
                                l.crossEntity()))
                .set("status", "delivered");
    }
}
