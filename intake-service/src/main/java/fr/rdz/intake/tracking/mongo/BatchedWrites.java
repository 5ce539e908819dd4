package fr.rdz.intake.tracking.mongo;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.WriteModel;
import fr.rdz.intake.config.IntakeProperties;
import fr.rdz.intake.lead.mongo.BatchWriteOutcomes;
import fr.rdz.intake.lead.mongo.GroupCommit;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The single-document writes of the tracking calls to one collection, gathered with the concurrent ones of other
 * requests into one unordered {@code bulkWrite} ({@link GroupCommit}, {@code rdz.intake.group-commit.*}, as the
 * submitted leads): each caller completes only once the batch holding its write is acknowledged (client write
 * concern), and fails with its own write's error — a repeated {@code _id} is a {@link DuplicateKeyException}, exactly
 * as a single write fails. A batch that fails as a whole (a write-concern error, the server unreachable) fails every
 * caller of it. With group commit off, every write is sent alone.
 */
final class BatchedWrites {

    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final ReactiveMongoTemplate mongo;
    private final String collection;
    private final GroupCommit<WriteModel<Document>> group;

    BatchedWrites(ReactiveMongoTemplate mongo, String collection, IntakeProperties.GroupCommit properties) {
        this.mongo = mongo;
        this.collection = collection;
        this.group = properties.enabled()
                ? new GroupCommit<>(
                        this::writeAll,
                        properties.maxBatch(),
                        properties.maxDelay(),
                        properties.capacity(),
                        Schedulers.parallel())
                : null;
    }

    /** Writes {@code write} in the next batch; completes once acknowledged, or fails with its own error. */
    Mono<Void> write(WriteModel<Document> write) {
        if (group != null) {
            return group.submit(write).then();
        }
        return writeAll(List.of(write))
                .flatMap(errors -> errors.isEmpty() ? Mono.<Void>empty() : Mono.<Void>error(errors.get(0)));
    }

    /** One unordered {@code bulkWrite}: every write is attempted; those refused are reported by their index. */
    private Mono<Map<Integer, Throwable>> writeAll(List<WriteModel<Document>> writes) {
        return BatchWriteOutcomes.of(
                mongo.getCollection(collection).flatMap(c -> Mono.from(c.bulkWrite(writes, UNORDERED))));
    }
}
