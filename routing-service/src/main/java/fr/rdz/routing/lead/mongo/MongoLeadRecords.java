package fr.rdz.routing.lead.mongo;

import fr.rdz.events.ConsentWithdrawn;
import fr.rdz.events.Envelope;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadRejected;
import fr.rdz.events.LeadRouted;
import fr.rdz.routing.lead.application.LeadRecords;
import fr.rdz.routing.lead.application.RoutedLead;
import fr.rdz.routing.lead.application.StoredLead;
import fr.rdz.routing.outbox.OutboxEntry;
import fr.rdz.routing.outbox.PendingOutbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link LeadRecords} in {@code leads} ({@link LeadDocument}, which is the {@link StoredLead} itself): the read by
 * {@code _id}, a person's leads through the phone lookup ({@link LeadLookupProjector}) then by {@code _id}, the
 * rejection once per client through {@link HistoryOnce}'s compare-and-set on {@code (_id, historyVersion)}, the
 * withdrawal of consent as one update by {@code _id}. Each write that leaves events in the lead's outbox marks the
 * lead in {@link PendingOutbox} first.
 */
@Component
public class MongoLeadRecords implements LeadRecords {

    private static final String LEADS = "leads";

    private final ReactiveMongoTemplate mongo;
    private final LeadLookupProjector lookups;
    private final PendingOutbox pending;
    private final HistoryOnce history;

    public MongoLeadRecords(ReactiveMongoTemplate mongo, LeadLookupProjector lookups, PendingOutbox pending) {
        this.mongo = mongo;
        this.lookups = lookups;
        this.pending = pending;
        this.history = new HistoryOnce(mongo);
    }

    @Override
    public Mono<StoredLead> insertRouted(RoutedLead routed) {
        LeadData lead = routed.lead();
        List<HistoryEntry> history = new ArrayList<>(List.of(
                HistoryEntry.of(routed.receivedEventId(), "received", lead.receivedAt())
                        .withStatus(routed.intakeStatus())
                        .withReason(routed.receivedReason()),
                HistoryEntry.of(routed.routed().eventId().toString(), "routed", routed.at())
                        .withState(routed.state(), routed.eligibleCommandeIds())
                        .withReason(routed.reason())));
        // consent-aware routing's steps, each as one history line
        routed.consentSteps()
                .forEach(s -> history.add(HistoryEntry.of(s.eventId(), s.type(), s.at())
                        .withDelivery(s.clientId(), s.commandeId(), null, null)
                        .withReason(s.reason())));
        LeadDocument doc = new LeadDocument(
                lead.leadId(),
                lead,
                routed.intakeStatus(),
                routed.missingFields(),
                routed.originalLeadId(),
                routed.state(),
                routed.eligibleCommandeIds(),
                routed.reason(),
                routed.state(),
                List.of(),
                List.of(),
                false,
                List.copyOf(history),
                List.of(OutboxEntry.of(routed.routed())),
                routed.qualityTier(),
                routed.exclusions());
        return pending.mark(LEADS, lead.leadId())
                .then(mongo.insert(doc))
                .map(StoredLead.class::cast)
                .onErrorResume(DuplicateKeyException.class, e -> Mono.empty());
    }

    @Override
    public Mono<StoredLead> byId(String leadId) {
        return mongo.findById(leadId, LeadDocument.class).map(StoredLead.class::cast);
    }

    @Override
    public Flux<StoredLead> ofPhone(String phone) {
        return lookups.ids("phone", phone)
                .flatMapMany(Flux::fromIterable)
                .concatMap(id -> mongo.findById(id, LeadDocument.class))
                .map(StoredLead.class::cast);
    }

    @Override
    public Mono<Void> markWithdrawn(
            String leadId,
            LeadData lead,
            String reason,
            String historyReason,
            boolean outOfRouting,
            Envelope<LeadRouted> routed,
            Envelope<ConsentWithdrawn> notice,
            Instant at) {
        Update update = new Update()
                .set("lead", lead)
                .set("reason", reason)
                .push(
                        "history",
                        HistoryEntry.of(routed.eventId().toString(), "consent_withdrawn", at)
                                .withState("no_consent", List.of())
                                .withReason(historyReason));
        update.push("outbox").each(OutboxEntry.of(routed), OutboxEntry.of(notice));
        if (outOfRouting) {
            update.set("routingState", "no_consent").set("status", "no_consent").set("eligibleCommandeIds", List.of());
        }
        return pending.mark(LEADS, leadId)
                .then(mongo.updateFirst(Query.query(Criteria.where("_id").is(leadId)), update, LeadDocument.class))
                .then();
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
        // once per client: read by _id, then a compare-and-set on (_id, historyVersion) (HistoryOnce: an index
        // lookup on the stand-in; until issue 17 one update filtered on _id and rejectedClientIds $ne, a scan)
        return pending.mark(LEADS, leadId)
                .then(history.applyUnless(
                        leadId,
                        doc -> doc.getList("rejectedClientIds", String.class, List.of())
                                .contains(delivery.clientId()),
                        () -> new Update()
                                .addToSet("rejectedClientIds", delivery.clientId())
                                .set("status", "rejected")
                                .push("history", entry)
                                .push("outbox", OutboxEntry.of(event)),
                        "rejectedClientIds"))
                .then();
    }
}
