package fr.rdz.routing.lead.mongo;

import fr.rdz.events.Envelope;
import fr.rdz.events.PersonErased;
import fr.rdz.routing.lead.application.PersonalRecords;
import fr.rdz.routing.outbox.OutboxEntry;
import fr.rdz.routing.outbox.PendingOutbox;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link PersonalRecords} in {@code leads} ({@link LeadDocument}), {@code delivery_ledger} ({@link LedgerEntry}),
 * the phone facts ({@link PhoneFactsStore}), the lookups ({@link LeadLookupProjector}) and {@code erasures}.
 * The reads by phone and by reception date scan (an erasure and the daily retention job, never a hot path).
 */
@Component
public class MongoPersonalRecords implements PersonalRecords {

    private final ReactiveMongoTemplate mongo;
    private final PhoneFactsStore phoneFacts;
    private final LeadLookupProjector lookups;
    private final PendingOutbox pending;

    public MongoPersonalRecords(
            ReactiveMongoTemplate mongo,
            PhoneFactsStore phoneFacts,
            LeadLookupProjector lookups,
            PendingOutbox pending) {
        this.mongo = mongo;
        this.phoneFacts = phoneFacts;
        this.lookups = lookups;
        this.pending = pending;
    }

    @Override
    public Mono<Void> recordErasure(String erasureId, Envelope<PersonErased> event, String by) {
        Document erasure = new Document("_id", erasureId)
                .append("erasedAt", java.util.Date.from(event.payload().erasedAt()))
                .append("by", by)
                .append(
                        "outbox",
                        List.of(new Document("eventId", event.eventId().toString())
                                .append("topic", event.topic())
                                .append("key", event.key())
                                .append("envelope", OutboxEntry.of(event).envelope())));
        // marked first: its PersonErased is never stored without a marker (PendingOutbox)
        return pending.mark("erasures", erasureId)
                .then(mongo.insert(erasure, "erasures"))
                .then();
    }

    @Override
    public Flux<PersonalRecord> ofPhone(String phone) {
        return mongo.find(Query.query(Criteria.where("lead.contact.phone").is(phone)), LeadDocument.class)
                .map(MongoPersonalRecords::record);
    }

    @Override
    public Flux<PersonalRecord> notErasedReceivedBefore(Instant before, int limit) {
        return mongo.find(
                        Query.query(Criteria.where("lead.receivedAt")
                                        .lt(before)
                                        .and("erased")
                                        .ne(true))
                                .limit(limit),
                        LeadDocument.class)
                .map(MongoPersonalRecords::record);
    }

    @Override
    public Mono<Boolean> erase(PersonalRecord record, ErasureStep step) {
        HistoryEntry entry = HistoryEntry.of(step.eventId(), "erased", step.at())
                .withBy(step.by())
                .withReason(step.reason());
        Mono<Void> rejections = record.lead() == null
                ? Mono.empty()
                : phoneFacts.forgetRejections(
                        record.lead().phone(), record.lead().product(), record.id());
        return rejections
                .then(mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(record.id())),
                        new Update()
                                .set(
                                        "lead",
                                        record.lead() == null
                                                ? null
                                                : record.lead().erased())
                                .set("erased", true)
                                .push("history", entry),
                        LeadDocument.class))
                .flatMap(result -> lookups.forget(record.id(), record.lead()).thenReturn(result))
                .map(result -> result.getModifiedCount() > 0);
    }

    @Override
    public Mono<Long> eraseLedgerPhone(String phone) {
        return eraseLedgerLines(Criteria.where("phone").is(phone));
    }

    @Override
    public Mono<Long> eraseLedgerPhonesDeliveredBefore(Instant before) {
        return eraseLedgerLines(
                Criteria.where("deliveredAt").lt(before).and("phone").exists(true));
    }

    @Override
    public Mono<Void> erasePhoneFacts(String phone) {
        return phoneFacts.erasePhone(phone);
    }

    @Override
    public Mono<Void> expirePhoneFacts(Instant before) {
        return phoneFacts.expireDeliveries(before).then();
    }

    private Mono<Long> eraseLedgerLines(Criteria which) {
        return mongo.updateMulti(Query.query(which), new Update().unset("phone"), LedgerEntry.class)
                .map(result -> result.getModifiedCount());
    }

    private static PersonalRecord record(LeadDocument doc) {
        return new PersonalRecord(doc.id(), doc.lead());
    }
}
