package fr.rdz.routing.catalog.application;

import fr.rdz.events.Envelope;
import fr.rdz.events.RdzEvent;
import fr.rdz.routing.catalog.domain.CatalogCode;
import fr.rdz.routing.outbox.OutboxEntry;
import fr.rdz.routing.shared.domain.RequestRejected;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.dao.DuplicateKeyException;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/** What every catalog edit shares: required fields, blank input, snapshots appended to the outbox, generated codes. */
final class CatalogEdits {

    /** The producer named in the envelopes of catalog snapshots. */
    private static final String PRODUCER = "routing-service";

    private CatalogEdits() {}

    /**
     * Runs {@code create} with the given code, or with the next number of the prefix: the counter
     * gives each concurrent caller its own number, and a number already taken by hand is skipped.
     */
    static <T> Mono<T> withCode(CodeNumbers codes, String given, String prefix, Function<String, Mono<T>> create) {
        if (given != null && !given.isBlank()) {
            String code = given.trim().toUpperCase();
            long number = CatalogCode.numberOf(code, prefix);
            return create.apply(code)
                    .flatMap(saved -> codes.raiseTo(prefix, number).thenReturn(saved));
        }
        return Mono.defer(() -> codes.next(prefix)
                        .map(n -> CatalogCode.format(prefix, n))
                        .flatMap(create))
                .retryWhen(Retry.backoff(20, Duration.ofMillis(2))
                        .filter(e -> e instanceof RequestRejected r && r.reason() == RequestRejected.Reason.CONFLICT
                                || e instanceof DuplicateKeyException));
    }

    /** {@code outbox} with the item's new snapshot appended, as routing publishes it (dated when the item changed). */
    static List<OutboxEntry> plusSnapshot(List<OutboxEntry> outbox, RdzEvent snapshot, Instant changedAt) {
        List<OutboxEntry> all = new ArrayList<>(outbox == null ? List.of() : outbox);
        all.add(OutboxEntry.of(Envelope.of(snapshot, PRODUCER, changedAt)));
        return all;
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw RequestRejected.invalid(message);
        }
    }

    static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
