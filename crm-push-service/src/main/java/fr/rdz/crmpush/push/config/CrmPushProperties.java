package fr.rdz.crmpush.push.config;

import fr.rdz.crmpush.push.domain.RetrySchedule;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code rdz.crm-push.*}: the task topic (partitions and replication shared by its retry topics and DLT), the retry
 * delays (seed: 1 min, 5 min, 15 min, 1 h, 2 h), the listener concurrency, the ledger lease, and how long a call may
 * wait for an in-flight slot of its CRM host, and the task consumers' poll timeout (the precision of a retry delay:
 * a paused retry partition is resumed on the next poll), and how often and after how long an interrupted push is
 * put back on the task topic.
 */
@ConfigurationProperties("rdz.crm-push")
public record CrmPushProperties(
        String tasksTopic,
        int partitions,
        short replication,
        int listenerConcurrency,
        List<Duration> retryDelays,
        Duration lease,
        Duration maxQueueWait,
        Duration connectTimeout,
        Duration responseTimeout,
        int maxConnections,
        Duration pollTimeout,
        Duration recoveryInterval,
        Duration recoveryGrace) {

    public CrmPushProperties {
        if (retryDelays == null || retryDelays.isEmpty()) {
            retryDelays = RetrySchedule.SEED_DELAYS;
        }
        if (recoveryGrace == null) {
            recoveryGrace = Duration.ofMinutes(10);
        }
        if (pollTimeout == null) {
            pollTimeout = Duration.ofSeconds(1);
        }
        requireLeaseOutlastingAnAttempt(lease, maxQueueWait, responseTimeout);
    }

    /**
     * The lease is taken before a push waits for a slot of its CRM host and makes its call: it must outlast both,
     * or the lease could expire while the first attempt is still in flight and a second attempt (redelivery,
     * recovery sweep) could POST the same lead again.
     */
    static void requireLeaseOutlastingAnAttempt(Duration lease, Duration maxQueueWait, Duration responseTimeout) {
        if (lease == null || maxQueueWait == null || responseTimeout == null) {
            return;
        }
        Duration attempt = maxQueueWait.plus(responseTimeout);
        if (lease.compareTo(attempt) <= 0) {
            throw new IllegalArgumentException(
                    "rdz.crm-push.lease (" + lease + ") must be longer than max-queue-wait + " + "response-timeout ("
                            + attempt + "): a push still waiting or in flight would lose its lease");
        }
    }

    public RetrySchedule schedule() {
        return new RetrySchedule(retryDelays);
    }
}
