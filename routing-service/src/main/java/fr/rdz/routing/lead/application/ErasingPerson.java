package fr.rdz.routing.lead.application;

import fr.rdz.events.Envelope;
import fr.rdz.events.LeadData;
import fr.rdz.events.PersonErased;
import fr.rdz.events.Pii;
import fr.rdz.kit.Operator;
import fr.rdz.routing.lead.application.PersonalRecords.ErasureStep;
import fr.rdz.routing.outbox.OutboxRelay;
import fr.rdz.routing.shared.application.Scope;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Erasure of one person (by phone) at their request: every routing record of that phone loses
 * its personal fields (contact but the département, IP and browser of the consent proof), the
 * ledger lines lose the phone, the anonymous figures stay; {@code PersonErased} is published
 * (through the {@code erasures} outbox) for the other services. Only an unscoped admin may erase:
 * the request concerns the person in both entities. Each record is anonymised by {@link
 * PersonalRecords#erase} ({@link LeadData#erased()}), as the retention limit does ({@link
 * ErasingExpiredPersonalData}).
 */
@Service
public class ErasingPerson {

    private static final Logger log = LoggerFactory.getLogger(ErasingPerson.class);

    /** The answer: how many routing records were erased. */
    public record Erasure(String phone, long leadsErased, Instant erasedAt) {}

    private final PersonalRecords records;
    private final OutboxRelay relay;
    private final Clock clock;

    public ErasingPerson(PersonalRecords records, OutboxRelay relay, Clock clock) {
        this.records = records;
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
        ErasureStep step = new ErasureStep(event.eventId().toString(), now, operator.name(), null);
        Mono<Long> leads = records.ofPhone(phone)
                .concatMap(record -> records.erase(record, step))
                .count();
        return records.recordErasure(erasureId, event, operator.name())
                .then(leads)
                .flatMap(count -> records.eraseLedgerPhone(phone).thenReturn(count))
                .flatMap(count -> records.erasePhoneFacts(phone).thenReturn(count))
                .doOnSuccess(count -> log.info("Erased {} routing record(s) of {}", count, Pii.maskPhone(phone)))
                .doFinally(signal -> relay.flush("erasures", erasureId))
                .map(count -> new Erasure(Pii.maskPhone(phone), count, now));
    }
}
