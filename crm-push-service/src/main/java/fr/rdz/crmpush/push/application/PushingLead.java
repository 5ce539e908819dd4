package fr.rdz.crmpush.push.application;

import fr.rdz.crmpush.push.domain.ConsentProofFields;
import fr.rdz.crmpush.push.domain.CrmPayloadMapping;
import fr.rdz.crmpush.push.domain.PushResult;
import fr.rdz.crmpush.push.domain.PushStatus;
import fr.rdz.crmpush.push.domain.PushTask;
import fr.rdz.crmpush.push.domain.PushVerdict;
import fr.rdz.crmpush.push.domain.RetrySchedule;
import fr.rdz.crmpush.push.domain.RetryablePushException;
import fr.rdz.events.DeliveryOutcome;
import fr.rdz.events.LinkingConsentProof;
import fr.rdz.events.OutcomeChannel;
import fr.rdz.events.OutcomeStatus;
import fr.rdz.events.Pii;
import fr.rdz.events.SecretBox;
import fr.rdz.kit.logging.CorrelationScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Pushes one lead of one batch into its client's CRM, at most once successfully: the ledger lease makes one attempt
 * at a time, a final outcome is never followed by another POST (redelivery, replay), the API key is decrypted only
 * for the call. A retryable failure publishes {@code retrying} and errors with {@link RetryablePushException} so the
 * task moves on to the next retry topic (or the DLT after the last attempt).
 */
public class PushingLead {

    private static final Logger log = LoggerFactory.getLogger(PushingLead.class);

    /** The reason of the final outcome of a lead whose person withdrew their consent before it was pushed. */
    public static final String WITHDRAWN = "consent withdrawn: not pushed";

    private final PushLedger ledger;
    private final CrmGateway crm;
    private final OutcomePublisher outcomes;
    private final DeadLetterStore deadLetters;
    private final SecretBox secretBox;
    private final RetrySchedule schedule;
    private final Duration lease;
    private final Clock clock;
    private final LinkingConsentProof proofLinks;
    private final ConsentWithdrawals withdrawals;

    public PushingLead(
            PushLedger ledger,
            CrmGateway crm,
            OutcomePublisher outcomes,
            DeadLetterStore deadLetters,
            SecretBox secretBox,
            RetrySchedule schedule,
            Duration lease,
            Clock clock,
            LinkingConsentProof proofLinks,
            ConsentWithdrawals withdrawals) {
        this.proofLinks = proofLinks;
        this.withdrawals = withdrawals;
        this.ledger = ledger;
        this.crm = crm;
        this.outcomes = outcomes;
        this.deadLetters = deadLetters;
        this.secretBox = secretBox;
        this.schedule = schedule;
        this.lease = lease;
        this.clock = clock;
    }

    /** One attempt; {@code passAttempt} is the attempt number within this pass through the retry topics (1 on the task topic). */
    public Mono<Void> push(PushTask task, int passAttempt) {
        return open(task).then(Mono.defer(() -> pushOpened(task, passAttempt)));
    }

    /**
     * Records the push in the ledger (idempotent). Once it is written, a crash never loses the push:
     * {@link RecoveringStalledPushes} finds it; so the task's offset may be committed only after it.
     */
    public Mono<Void> open(PushTask task) {
        return Mono.defer(() -> ledger.open(task, clock.instant()));
    }

    /** One attempt of a push {@link #open opened} before. */
    public Mono<Void> pushOpened(PushTask task, int passAttempt) {
        String id = task.pushId();
        return Mono.defer(() -> {
                    Instant now = clock.instant();
                    return ledger.claim(id, now, lease)
                            .flatMap(claim -> attempt(task, claim, passAttempt))
                            .switchIfEmpty(Mono.defer(() -> notClaimed(task)));
                })
                .flatMap(step -> step.retry() ? Mono.error(new RetryablePushException(step.reason())) : Mono.empty());
    }

    private Mono<Step> attempt(PushTask task, Claim claim, int passAttempt) {
        return call(task).flatMap(result -> recordResult(task, claim, result, passAttempt));
    }

    private Mono<PushResult> call(PushTask task) {
        // a batch planned before the person withdrew their consent: that lead is left out (final, no POST)
        String phone = task.lead() == null ? null : task.lead().phone();
        return withdrawals
                .withdrawn(phone)
                .flatMap(withdrawn -> withdrawn ? Mono.just(PushResult.failed(WITHDRAWN)) : post(task));
    }

    private Mono<PushResult> post(PushTask task) {
        if (task.apiUrl() == null || task.apiUrl().isBlank()) {
            return Mono.just(PushResult.failed("client has no api_url"));
        }
        if (task.apiKeyEncrypted() == null || task.apiKeyEncrypted().isBlank()) {
            return Mono.just(PushResult.failed("client has no api key"));
        }
        String apiKey;
        try {
            apiKey = secretBox.decrypt(task.apiKeyEncrypted());
        } catch (RuntimeException e) {
            log.error("Cannot decrypt the API key of client {} (wrong rdz.crypto.api-key-secret?)", task.clientId());
            return Mono.just(PushResult.retry("api key cannot be decrypted", false));
        }
        // the seed's payload, and the proof of consent the buyer must be able to show (spec §11)
        Map<String, Object> payload = ConsentProofFields.addTo(
                CrmPayloadMapping.payload(task.lead(), task.product(), clock.instant()),
                task.lead().consent(),
                proofLinks.urlFor(task.leadId()));
        return crm.push(task.apiUrl(), apiKey, payload)
                .onErrorResume(
                        e -> Mono.just(PushResult.retry("error: " + e.getClass().getSimpleName(), false)));
    }

    private Mono<Step> recordResult(PushTask task, Claim claim, PushResult result, int passAttempt) {
        Instant now = clock.instant();
        int attempts = claim.attemptsBefore() + (result.requestSent() ? 1 : 0);
        PushStatus status = PushStatus.of(result.verdict());
        boolean last = result.verdict() == PushVerdict.RETRY && schedule.isLast(passAttempt);
        // the last failed attempt publishes nothing here: the DLT handler publishes dead_lettered
        PendingOutcome pending =
                last ? null : pending(task, result.verdict().outcome(), result.reason(), attempts, now);
        // this step continues on the HTTP client's thread: the batch (correlation) and lead ids put here
        try (CorrelationScope ids = CorrelationScope.ofBatchLead(task.batchId(), task.leadId())) {
            log.info(
                    "Push {} of lead {} to client {} (phone {}): {} {} (attempt {})",
                    task.batchId(),
                    task.leadId(),
                    task.clientId(),
                    Pii.maskPhone(task.lead().phone()),
                    status,
                    result.reason() == null ? "" : result.reason(),
                    attempts);
        }
        Instant nextDue = null;
        if (result.verdict() == PushVerdict.RETRY) {
            // when the retry topic (or the DLT) will hand the task back; past it, RecoveringStalledPushes takes over
            nextDue = last ? now : now.plus(schedule.delays().get(Math.max(0, passAttempt - 1)));
        }
        return ledger.record(task.pushId(), claim, status, attempts, result.reason(), pending, nextDue, now)
                .flatMap(written -> written ? publish(task.pushId(), pending) : Mono.empty())
                // only a push that was dead-lettered (then replayed) can have a dead letter to resolve
                .then(
                        status.isFinal() && claim.statusBefore() == PushStatus.DEAD_LETTERED
                                ? deadLetters.markResolved(task.pushId(), now)
                                : Mono.empty())
                .thenReturn(new Step(result.verdict() == PushVerdict.RETRY, result.reason()));
    }

    private Mono<Step> notClaimed(PushTask task) {
        return ledger.find(task.pushId())
                .flatMap(entry -> {
                    if (entry.status().isFinal()) {
                        log.info(
                                "Lead {} of batch {} already pushed ({}): no POST",
                                task.leadId(),
                                task.batchId(),
                                entry.status());
                        return publish(entry.pushId(), entry.pendingOutcome())
                                .then(deadLetters.markResolved(entry.pushId(), clock.instant()))
                                .thenReturn(new Step(false, null));
                    }
                    return Mono.just(new Step(true, "push already in progress"));
                })
                .defaultIfEmpty(new Step(true, "push ledger entry missing"));
    }

    Mono<Void> publish(String pushId, PendingOutcome pending) {
        if (pending == null) {
            return Mono.empty();
        }
        return outcomes.publish(pending).then(ledger.outcomePublished(pushId, pending));
    }

    static PendingOutcome pending(PushTask task, OutcomeStatus status, String reason, int attempts, Instant at) {
        return new PendingOutcome(
                UUID.randomUUID(),
                new DeliveryOutcome(
                        task.batchId(),
                        task.runId(),
                        task.entity(),
                        task.clientId(),
                        OutcomeChannel.API,
                        List.of(task.leadId()),
                        status,
                        reason,
                        attempts,
                        at));
    }

    private record Step(boolean retry, String reason) {}
}
