package fr.rdz.intake.lead.mongo;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import java.util.HashMap;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoExceptionTranslator;
import reactor.core.publisher.Mono;

/**
 * What one unordered batch of writes ({@link GroupCommit}) did to each write: the writes the
 * server refused, by their index in the batch, each with the exception the same write alone would
 * have raised (a repeated {@code _id}: {@link DuplicateKeyException}). A write-concern failure or
 * any other error fails the whole batch, translated as Spring Data translates a single write's.
 */
public final class BatchWriteOutcomes {

    private static final int DUPLICATE_KEY = 11000;
    private static final MongoExceptionTranslator TRANSLATOR = new MongoExceptionTranslator();

    private BatchWriteOutcomes() {}

    /** The refused writes of {@code batch} (empty when all were written). */
    public static Mono<Map<Integer, Throwable>> of(Mono<?> batch) {
        return batch.map(done -> Map.<Integer, Throwable>of())
                .onErrorResume(
                        e -> e instanceof MongoBulkWriteException bulk && bulk.getWriteConcernError() == null,
                        e -> Mono.just(refusedByIndex((MongoBulkWriteException) e)))
                .onErrorMap(RuntimeException.class, BatchWriteOutcomes::translate);
    }

    private static Map<Integer, Throwable> refusedByIndex(MongoBulkWriteException e) {
        Map<Integer, Throwable> errors = new HashMap<>();
        for (BulkWriteError error : e.getWriteErrors()) {
            errors.put(
                    error.getIndex(),
                    error.getCode() == DUPLICATE_KEY
                            ? new DuplicateKeyException(error.getMessage())
                            : new DataIntegrityViolationException(error.getMessage()));
        }
        return errors;
    }

    private static Throwable translate(RuntimeException e) {
        RuntimeException translated = TRANSLATOR.translateExceptionIfPossible(e);
        return translated != null ? translated : e;
    }
}
