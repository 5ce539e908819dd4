package fr.rdz.routing.lead.application;

import fr.rdz.kit.PersonalDataRetention;
import fr.rdz.kit.PersonalDataSweep;
import fr.rdz.routing.lead.mongo.HistoryEntry;
import fr.rdz.routing.lead.mongo.LeadDocument;
import fr.rdz.routing.lead.mongo.PhoneFactsStore;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The retention limit ({@link PersonalDataRetention}) in routing: a routing record whose lead was
 * received before the limit is erased exactly as an erasure of the person erases it
 * ({@link ErasingPerson#eraseRecord}, history line {@code erased} by {@code retention}); a
 * delivery-ledger line delivered before the limit loses its phone as an erasure does (the
 * 30-day duplicate rule never looks that far back). Nothing is published: every service applies the
 * same limit to its own data. Run daily by the kit's retention job.
 */
@Service
public class ErasingExpiredPersonalData {

    static final String BY = "retention";

    private final ReactiveMongoTemplate mongo;
    private final ErasingPerson erasing;
    private final Clock clock;

    private final PhoneFactsStore phoneFacts;

    public ErasingExpiredPersonalData(
            ReactiveMongoTemplate mongo, ErasingPerson erasing, Clock clock, PhoneFactsStore phoneFacts) {
        this.phoneFacts = phoneFacts;
        this.mongo = mongo;
        this.erasing = erasing;
        this.clock = clock;
    }

    /** Routing records of leads received before {@code expiredBefore}, not erased yet: erased, page by page. */
    public Mono<Long> leads(Instant expiredBefore, int pageSize) {
        return PersonalDataSweep.pageByPage(
                () -> mongo.find(
                        Query.query(Criteria.where("lead.receivedAt")
                                        .lt(expiredBefore)
                                        .and("erased")
                                        .ne(true))
                                .limit(pageSize),
                        LeadDocument.class),
                doc -> erasing.eraseRecord(
                        doc,
                        HistoryEntry.of(UUID.randomUUID().toString(), "erased", clock.instant())
                                .withBy(BY)
                                .withReason("retention limit")),
                pageSize);
    }

    /** Delivery-ledger lines delivered before {@code expiredBefore} that still hold a phone: the phone is removed. */
    public Mono<Long> ledger(Instant expiredBefore, int pageSize) {
        return erasing.eraseLedgerLines(Criteria.where("deliveredAt")
                        .lt(expiredBefore)
                        .and("phone")
                        .exists(true))
                .flatMap(lines -> phoneFacts.expireDeliveries(expiredBefore).thenReturn(lines));
    }
}
