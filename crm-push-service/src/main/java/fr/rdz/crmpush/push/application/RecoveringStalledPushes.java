package fr.rdz.crmpush.push.application;

import fr.rdz.crmpush.push.domain.PushTask;
import fr.rdz.kit.logging.CorrelationScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * A push task's offset is committed when its attempt starts (so that a hanging CRM never holds other clients'
 * pushes). If the service dies during the attempt, or before a retry topic got the task, the ledger still knows the
 * push: every non-final push whose next step is overdue by more than {@code grace} is put back on the task topic,
 * for a fresh cycle. The lease and the final statuses keep this from ever causing a second successful POST.
 */
public class RecoveringStalledPushes {

    private static final Logger log = LoggerFactory.getLogger(RecoveringStalledPushes.class);

    private final PushLedger ledger;
    private final TaskPublisher tasks;
    private final Duration grace;
    private final Clock clock;

    public RecoveringStalledPushes(PushLedger ledger, TaskPublisher tasks, Duration grace, Clock clock) {
        this.ledger = ledger;
        this.tasks = tasks;
        this.grace = grace;
        this.clock = clock;
    }

    /** One sweep; the number of pushes put back. */
    public Mono<Long> recover() {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            Instant dueBefore = now.minus(grace);
            return ledger.stalled(dueBefore)
                    .concatMap(task -> ledger.requeue(task.pushId(), dueBefore, now)
                            .filter(Boolean::booleanValue)
                            .flatMap(mine -> tasks.publish(List.of(task)).thenReturn(task)))
                    .doOnNext(RecoveringStalledPushes::logRequeued)
                    .count();
        });
    }

    /** Logged on the thread the sweep continues on: the batch and lead ids put in the MDC around the line. */
    private static void logRequeued(PushTask task) {
        try (CorrelationScope ids = CorrelationScope.ofBatchLead(task.batchId(), task.leadId())) {
            log.warn(
                    "Push {} of lead {} for client {} was interrupted: put back on the task topic",
                    task.batchId(),
                    task.leadId(),
                    task.clientId());
        }
    }
}
