package fr.rdz.crmpush.push.application;

import fr.rdz.crmpush.push.domain.PushTask;
import fr.rdz.events.OutcomeStatus;
import fr.rdz.events.Pii;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * A task reached the dead-letter topic: keep it (listable, replayable), mark the ledger {@code dead_lettered} and
 * publish that outcome. A push that is already final (e.g. pushed by a parallel replay) is not a dead letter.
 */
public class RecordingDeadLetter {

    private static final Logger log = LoggerFactory.getLogger(RecordingDeadLetter.class);

    private final PushLedger ledger;
    private final DeadLetterStore store;
    private final PushingLead pushing;
    private final Clock clock;

    public RecordingDeadLetter(PushLedger ledger, DeadLetterStore store, PushingLead pushing, Clock clock) {
        this.ledger = ledger;
        this.store = store;
        this.pushing = pushing;
        this.clock = clock;
    }

    public Mono<Void> record(PushTask task, String key, String value, String error) {
        Instant now = clock.instant();
        return ledger.find(task.pushId())
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(found -> {
                    if (found.isPresent() && found.get().status().isFinal()) {
                        return pushing.publish(task.pushId(), found.get().pendingOutcome());
                    }
                    int attempts = found.map(LedgerEntry::attempts).orElse(0);
                    String lastError = found.map(LedgerEntry::lastError)
                            .filter(e -> e != null)
                            .orElse(error);
                    log.warn(
                            "Dead letter: lead {} of batch {} for client {} (phone {}) after {} attempt(s): {}",
                            task.leadId(),
                            task.batchId(),
                            task.clientId(),
                            Pii.maskPhone(
                                    task.lead() == null ? null : task.lead().phone()),
                            attempts,
                            lastError);
                    DeadLetter letter = new DeadLetter(
                            task.pushId(),
                            task.batchId(),
                            task.leadId(),
                            task.clientId(),
                            task.clientName(),
                            task.entity(),
                            Pii.maskPhone(
                                    task.lead() == null ? null : task.lead().phone()),
                            lastError,
                            attempts,
                            DeadLetter.OPEN,
                            now,
                            null,
                            0,
                            null,
                            null,
                            key,
                            value);
                    PendingOutcome pending =
                            PushingLead.pending(task, OutcomeStatus.DEAD_LETTERED, lastError, attempts, now);
                    return store.save(letter)
                            .then(ledger.deadLettered(task.pushId(), pending, now))
                            .flatMap(entry -> pushing.publish(task.pushId(), entry.pendingOutcome()));
                });
    }

    /** A record that is not a readable task: kept as it is so that an operator sees it. */
    public Mono<Void> recordUnreadable(String id, String key, String value, String error) {
        log.warn("Dead letter {}: unreadable task record: {}", id, error);
        return store.save(new DeadLetter(
                id,
                null,
                null,
                null,
                null,
                null,
                null,
                error,
                0,
                DeadLetter.OPEN,
                clock.instant(),
                null,
                0,
                null,
                null,
                key,
                value));
    }
}
