package fr.rdz.routing.lead.application;

import fr.rdz.kit.PersonalDataRetention;
import fr.rdz.kit.PersonalDataSweep;
import fr.rdz.routing.lead.application.PersonalRecords.ErasureStep;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The retention limit ({@link PersonalDataRetention}) in routing: a routing record whose lead was
 * received before the limit is erased exactly as an erasure of the person erases it
 * ({@link PersonalRecords#erase}, history line {@code erased} by {@code retention}); a
 * delivery-ledger line delivered before the limit loses its phone as an erasure does (the
 * 30-day duplicate rule never looks that far back). Nothing is published: every service applies the
 * same limit to its own data. Run daily by the kit's retention job.
 */
@Service
public class ErasingExpiredPersonalData {

    static final String BY = "retention";

    private final PersonalRecords records;
    private final Clock clock;

    public ErasingExpiredPersonalData(PersonalRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** Routing records of leads received before {@code expiredBefore}, not erased yet: erased, page by page. */
    public Mono<Long> leads(Instant expiredBefore, int pageSize) {
        return PersonalDataSweep.pageByPage(
                () -> records.notErasedReceivedBefore(expiredBefore, pageSize),
                record -> records.erase(
                        record, new ErasureStep(UUID.randomUUID().toString(), clock.instant(), BY, "retention limit")),
                pageSize);
    }

    /** Delivery-ledger lines delivered before {@code expiredBefore} that still hold a phone: the phone is removed. */
    public Mono<Long> ledger(Instant expiredBefore, int pageSize) {
        return records.eraseLedgerPhonesDeliveredBefore(expiredBefore)
                .flatMap(lines -> records.expirePhoneFacts(expiredBefore).thenReturn(lines));
    }
}
