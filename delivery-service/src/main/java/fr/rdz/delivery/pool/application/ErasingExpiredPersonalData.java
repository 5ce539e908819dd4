package fr.rdz.delivery.pool.application;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import fr.rdz.delivery.config.MongoCollections;
import fr.rdz.delivery.pool.mongo.PoolStore;
import fr.rdz.delivery.run.mongo.BatchStore;
import fr.rdz.delivery.run.mongo.LedgerStore;
import fr.rdz.events.Pii;
import fr.rdz.kit.PersonalDataRetention;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.function.Supplier;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The retention limit ({@link PersonalDataRetention}) in delivery. A pool lead received before the
 * limit is erased exactly as an erasure of the person erases it ({@link PoolStore#erase(Bson, int)}:
 * personal fields blanked, out of distribution, flagged {@code erased}). A ledger line delivered
 * before the limit gets the marker an erasure writes instead of its phone ({@code erased:<SHA-256>},
 * as {@code LedgerStore.erasePhone}): the line still counts for quotas and figures, and the 30-day
 * duplicate rule never looks that far back. A published batch of a run dated before the limit loses
 * the event payloads it kept for publication (whole leads, in the batch or in its {@code batch_parts});
 * its figures and lead ids stay. Run daily
 * by the kit's retention job; every step is idempotent.
 */
@Service
public class ErasingExpiredPersonalData {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final PoolStore pool;
    private final MongoCollections collections;
    private final BatchStore batches;

    public ErasingExpiredPersonalData(PoolStore pool, MongoCollections collections, BatchStore batches) {
        this.pool = pool;
        this.collections = collections;
        this.batches = batches;
    }

    /** Pool leads received before {@code expiredBefore}, not erased yet: erased, page by page. */
    public Mono<Long> pool(Instant expiredBefore, int pageSize) {
        Bson expired = Filters.and(Filters.lt("received_at", Date.from(expiredBefore)), Filters.ne("erased", true));
        return pages(() -> pool.erase(expired, pageSize), pageSize);
    }

    /** Ledger lines delivered before {@code expiredBefore} that still hold a phone (digits): phone replaced by its marker. */
    public Mono<Long> ledger(Instant expiredBefore, int pageSize) {
        Bson expired =
                Filters.and(Filters.lt("delivered_at", Date.from(expiredBefore)), Filters.regex("phone", "^[0-9+]"));
        return pages(
                () -> collections.get(MongoCollections.LEDGER).flatMap(c -> Flux.from(c.find(expired)
                                .projection(Projections.include("phone"))
                                .limit(pageSize))
                        .concatMap(line -> {
                            String phone = line.getString("phone");
                            return Mono.from(c.updateOne(
                                    Filters.and(Filters.eq("_id", line.get("_id")), Filters.eq("phone", phone)),
                                    Updates.set("phone", LedgerStore.erasedPhone(Pii.phoneHash(phone)))));
                        })
                        .filter(result -> result.getModifiedCount() > 0)
                        .count()),
                pageSize);
    }

    /** Published batches of runs dated before the Paris date of {@code expiredBefore}: event payloads dropped. */
    public Mono<Long> batches(Instant expiredBefore, int pageSize) {
        String before = expiredBefore.atZone(PARIS).toLocalDate().toString();
        return collections
                .get(MongoCollections.BATCHES)
                .flatMap(c -> Mono.from(c.updateMany(
                        Filters.and(
                                Filters.eq("published", true),
                                Filters.lt("run_date", before),
                                Filters.exists("delivered_events")),
                        Updates.combine(
                                Updates.unset("planned_event"),
                                Updates.unset("delivered_events"),
                                Updates.set("payloads_erased", true)))))
                .map(result -> result.getModifiedCount())
                .zipWith(batchParts(before), Long::sum);
    }

    /** The event parts ({@code batch_parts}) of such batches, or of batches that could never be published: deleted. */
    private Mono<Long> batchParts(String before) {
        return collections
                .get(MongoCollections.BATCHES)
                .flatMapMany(c -> Flux.from(c.find(Filters.and(
                                Filters.or(Filters.eq("published", true), Filters.eq("publish_failed", true)),
                                Filters.lt("run_date", before),
                                Filters.gt("parts", 0),
                                Filters.ne("payloads_erased", true)))
                        .projection(Projections.include("parts"))))
                .concatMap(batch -> batches.deleteParts(batch.getString("_id"), batch.getInteger("parts"))
                        .then(collections
                                .get(MongoCollections.BATCHES)
                                .flatMap(c -> Mono.from(c.updateOne(
                                        Filters.eq("_id", batch.get("_id")), Updates.set("payloads_erased", true))))))
                .filter(result -> result.getModifiedCount() > 0)
                .count();
    }

    /** Runs {@code page} (which changes at most {@code pageSize} documents) until a page changes fewer. */
    private static Mono<Long> pages(Supplier<Mono<Long>> page, int pageSize) {
        Mono<Long> one = Mono.defer(page);
        return one.expand(changed -> changed >= pageSize ? one : Mono.empty()).reduce(0L, Long::sum);
    }
}
