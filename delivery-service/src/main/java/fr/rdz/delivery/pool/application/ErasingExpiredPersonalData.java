package fr.rdz.delivery.pool.application;

import fr.rdz.delivery.run.application.Batches;
import fr.rdz.delivery.run.application.Ledger;
import fr.rdz.kit.PersonalDataRetention;
import fr.rdz.rules.ParisCalendar;
import java.time.Instant;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The retention limit ({@link PersonalDataRetention}) in delivery. A pool lead received before the
 * limit is erased exactly as an erasure of the person erases it ({@link PoolLeads#eraseReceivedBefore}:
 * personal fields blanked, out of distribution, flagged {@code erased}). A ledger line delivered
 * before the limit gets the marker an erasure writes instead of its phone ({@code erased:<SHA-256>},
 * as {@link Ledger#erasePhone}): the line still counts for quotas and figures, and the 30-day
 * duplicate rule never looks that far back. A published batch of a run dated before the limit loses
 * the event payloads it kept for publication (whole leads, in the batch or in its {@code batch_parts});
 * its figures and lead ids stay. Run daily
 * by the kit's retention job; every step is idempotent.
 */
@Service
public class ErasingExpiredPersonalData {

    private final PoolLeads pool;
    private final Ledger ledger;
    private final Batches batches;

    public ErasingExpiredPersonalData(PoolLeads pool, Ledger ledger, Batches batches) {
        this.pool = pool;
        this.ledger = ledger;
        this.batches = batches;
    }

    /** Pool leads received before {@code expiredBefore}, not erased yet: erased, page by page. */
    public Mono<Long> pool(Instant expiredBefore, int pageSize) {
        return pages(() -> pool.eraseReceivedBefore(expiredBefore, pageSize), pageSize);
    }

    /** Ledger lines delivered before {@code expiredBefore} that still hold a phone (digits): phone replaced by its marker. */
    public Mono<Long> ledger(Instant expiredBefore, int pageSize) {
        return pages(() -> ledger.eraseExpiredPhones(expiredBefore, pageSize), pageSize);
    }

    /** Published batches of runs dated before the Paris date of {@code expiredBefore}: event payloads dropped. */
    public Mono<Long> batches(Instant expiredBefore, int pageSize) {
        return batches.dropPayloadsOfRunsBefore(ParisCalendar.dateOf(expiredBefore));
    }

    /** Runs {@code page} (which changes at most {@code pageSize} documents) until a page changes fewer. */
    private static Mono<Long> pages(Supplier<Mono<Long>> page, int pageSize) {
        Mono<Long> one = Mono.defer(page);
        return one.expand(changed -> changed >= pageSize ? one : Mono.empty()).reduce(0L, Long::sum);
    }
}
