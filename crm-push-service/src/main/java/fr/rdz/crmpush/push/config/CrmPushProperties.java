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
    }

    public RetrySchedule schedule() {
        return new RetrySchedule(retryDelays);
    }

    /** The dead-letter topic of this service's {@code delivery.planned} consumer. */
    public String plannedDeadLetterTopic() {
        return fr.rdz.events.Topics.DELIVERY_PLANNED + ".crm-push.dlt";
    }
}
