package fr.rdz.routing.lead.application;

import fr.rdz.events.Envelope;
import fr.rdz.events.LeadData;
import fr.rdz.events.PersonErased;
import fr.rdz.events.Pii;
import fr.rdz.kit.Operator;
import fr.rdz.routing.lead.mongo.HistoryEntry;
import fr.rdz.routing.lead.mongo.LeadDocument;
import fr.rdz.routing.lead.mongo.LeadLookupProjector;
import fr.rdz.routing.lead.mongo.LedgerEntry;
import fr.rdz.routing.lead.mongo.PhoneFactsStore;
import fr.rdz.routing.outbox.OutboxEntry;
import fr.rdz.routing.outbox.OutboxRelay;
import fr.rdz.routing.shared.application.Scope;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Erasure of one person (by phone) at their request: every routing record of that phone loses
 * its personal fields (contact but the département, IP and browser of the consent proof), the
 * ledger lines lose the phone, the anonymous figures stay; {@code PersonErased} is published
 * (through the {@code erasures} outbox) for the other services. Only an unscoped admin may erase:
 * the request concerns the person in both entities.
 */
@Service
public class ErasingPerson {

    private static final Logger log = LoggerFactory.getLogger(ErasingPerson.class);

    /** The answer: how many routing records were erased. */
    public record Erasure(String phone, long leadsErased, Instant erasedAt) {}

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;
    private final Clock clock;
    private final PhoneFactsStore phoneFacts;
    private final LeadLookupProjector lookups;

    public ErasingPerson(
            ReactiveMongoTemplate mongo,
            OutboxRelay relay,
            Clock clock,
            PhoneFactsStore phoneFacts,
            LeadLookupProjector lookups) {
        this.phoneFacts = phoneFacts;
        this.lookups = lookups;
        this.mongo = mongo;
        this.relay = relay;
        this.clock = clock;
    }

    /** Erases every routing record and ledger line of the phone and publishes {@code PersonErased}. */
    public Mono<Erasure> erase(Operator operator, String rawPhone) {
        Scope.requireUnscopedAdmin(operator);
        String phone = PhoneNumbers.requireFrench(rawPhone);
        Instant now = clock.instant();
        Envelope<PersonErased> event = Envelope.of(new PersonErased(phone, now), RoutingLead.PRODUCER, now);
        String erasureId = UUID.randomUUID().toString();
        Document erasure = new Document("_id", erasureId)
                .append("erasedAt", java.util.Date.from(now))
                .append("by", operator.name())
                .append(
                        "outbox",
                        List.of(new Document("eventId", event.eventId().toString())
                                .append("topic", event.topic())
                                .append("key", event.key())
                                .append("envelope", OutboxEntry.of(event).envelope())));
        Mono<Long> leads = mongo.find(
                        Query.query(Criteria.where("lead.contact.phone").is(phone)), LeadDocument.class)
                .concatMap(doc -> eraseRecord(
                        doc,
                        HistoryEntry.of(event.eventId().toString(), "erased", now)
                                .withBy(operator.name())))
                .count();
        return mongo.insert(erasure, "erasures")
                .then(leads)
                .flatMap(count ->
                        eraseLedgerLines(Criteria.where("phone").is(phone)).thenReturn(count))
                .flatMap(count -> phoneFacts.erasePhone(phone).thenReturn(count))
                .doOnSuccess(count -> {
                    relay.flush("erasures", erasureId);
                    log.info("Erased {} routing record(s) of {}", count, Pii.maskPhone(phone));
                })
                .map(count -> new Erasure(Pii.maskPhone(phone), count, now));
    }

    /**
     * Erases one routing record: its lead loses the personal fields ({@link LeadData#erased()}), the
     * record is flagged {@code erased} and its history gets {@code entry}; ids, statuses, decisions,
     * deliveries and figures stay. The one anonymisation of a record, shared by the erasure of a
     * person and the retention limit ({@link ErasingExpiredPersonalData}). True when it changed.
     */
    public Mono<Boolean> eraseRecord(LeadDocument doc, HistoryEntry entry) {
        Mono<Void> rejections = doc.lead() == null
                ? Mono.empty()
                : phoneFacts.forgetRejections(doc.lead().phone(), doc.lead().product(), doc.id());
        return rejections
                .then(mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(doc.id())),
                        new Update()
                                .set(
                                        "lead",
                                        doc.lead() == null ? null : doc.lead().erased())
                                .set("erased", true)
                                .push("history", entry),
                        LeadDocument.class))
                .flatMap(result -> lookups.forget(doc).thenReturn(result))
                .map(result -> result.getModifiedCount() > 0);
    }

    /** The delivery-ledger lines matching {@code which} lose their phone (the line still counts). */
    public Mono<Long> eraseLedgerLines(Criteria which) {
        return mongo.updateMulti(Query.query(which), new Update().unset("phone"), LedgerEntry.class)
                .map(result -> result.getModifiedCount());
    }
}
