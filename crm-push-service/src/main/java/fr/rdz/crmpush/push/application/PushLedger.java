package fr.rdz.crmpush.push.application;

import fr.rdz.crmpush.push.domain.PushStatus;
import fr.rdz.crmpush.push.domain.PushTask;
import java.time.Duration;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The push-attempt ledger: at most one attempt at a time per (batch, lead), never one after a final outcome. */
public interface PushLedger {

    /** Creates the entry of a push (with the task, for recovery) if it does not exist yet. */
    Mono<Void> open(PushTask task, Instant now);

    /** Takes the lease of a push that is not final and not leased; empty when it is final or leased. */
    Mono<Claim> claim(String pushId, Instant now, Duration lease);

    Mono<LedgerEntry> find(String pushId);

    /**
     * Writes the result of the attempt made under {@code claim}, with the outcome to publish (may be null), and when
     * the next attempt is due (null when final); releases the lease.
     */
    Mono<Boolean> record(
            String pushId,
            Claim claim,
            PushStatus status,
            int attempts,
            String lastError,
            PendingOutcome pending,
            Instant nextDue,
            Instant now);

    /** Pushes neither final nor dead-lettered whose next step was due before {@code dueBefore} (a crash lost them). */
    Flux<PushTask> stalled(Instant dueBefore);

    /** Takes a stalled push back (if it is still stalled): true when this caller must re-publish it. */
    Mono<Boolean> requeue(String pushId, Instant dueBefore, Instant now);

    /** Marks a non-final push dead-lettered with its outcome to publish; empty when the push is final. */
    Mono<LedgerEntry> deadLettered(String pushId, PendingOutcome pending, Instant now);

    /** Forgets the pending outcome once the broker has it. */
    Mono<Void> outcomePublished(String pushId, PendingOutcome pending);
}
