package fr.rdz.routing.stats.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The port to the resets of the forms' cards (seed "reset stats"), keyed by form code: the all-time totals at
 * the last reset and every snapshot taken before one. Written with the version read, so two resets cannot
 * interleave.
 */
public interface FormResets {

    /** The card of a form as it was when an admin reset it. */
    record Snapshot(String id, Instant takenAt, String takenBy, Instant since, Map<String, Long> counts) {}

    /** The resets of one form: the totals at the last one ({@code baseline}), when it was, the snapshots. */
    record FormReset(
            String formCode, Map<String, Long> baseline, Instant since, List<Snapshot> snapshots, long version) {}

    /** The resets of these forms (absent: never reset), in one read by key. */
    Mono<Map<String, FormReset>> of(Collection<String> formCodes);

    /** The resets of a form (one read by key); empty when never reset. */
    Mono<FormReset> of(String formCode);

    /**
     * Stores {@code reset} if the form's resets are still as read: none when {@code read} is null, else at
     * {@code read.version()}. False when another reset came first.
     */
    Mono<Boolean> store(FormReset reset, FormReset read);
}
