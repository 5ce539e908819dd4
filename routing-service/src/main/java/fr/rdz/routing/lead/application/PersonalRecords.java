package fr.rdz.routing.lead.application;

import fr.rdz.events.Envelope;
import fr.rdz.events.LeadData;
import fr.rdz.events.PersonErased;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The port to the personal data routing keeps, as its erasures need it: the leads' routing records, its copy of
 * the delivery ledger and its phone facts, and the erasures it publishes (through their outbox).
 */
public interface PersonalRecords {

    /** A routing record: its lead's id and the lead as stored (null when it holds none). */
    record PersonalRecord(String id, LeadData lead) {}

    /** The step an erasure adds to a record's history ({@code erased}): its event, when, by whom, why (or null). */
    record ErasureStep(String eventId, Instant at, String by, String reason) {}

    /** Stores the erasure of a person by {@code by}, with {@code event} in its outbox for the relay. */
    Mono<Void> recordErasure(String erasureId, Envelope<PersonErased> event, String by);

    /** The routing records of the leads of this phone. */
    Flux<PersonalRecord> ofPhone(String phone);

    /** At most {@code limit} routing records of leads received before {@code before} and not erased yet. */
    Flux<PersonalRecord> notErasedReceivedBefore(Instant before, int limit);

    /**
     * Erases one record: its lead loses the personal fields ({@link LeadData#erased()}), the record is flagged
     * erased, its history gets {@code step}, the phone facts forget its rejections and the lookups its personal
     * keys. True when the record changed.
     */
    Mono<Boolean> erase(PersonalRecord record, ErasureStep step);

    /** The delivery-ledger lines of this phone lose it (the lines still count); how many changed. */
    Mono<Long> eraseLedgerPhone(String phone);

    /** The delivery-ledger lines delivered before {@code before} that still hold a phone lose it; how many changed. */
    Mono<Long> eraseLedgerPhonesDeliveredBefore(Instant before);

    /** The phone facts of this phone are removed. */
    Mono<Void> erasePhoneFacts(String phone);

    /** The phone facts forget the deliveries made before {@code before}. */
    Mono<Void> expirePhoneFacts(Instant before);
}
