package fr.rdz.delivery.config;

import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * delivery-service settings ({@code rdz.delivery.*}): this instance's name (run ownership), how long a
 * run may stay in PLANNING before another instance takes it over, how often the outbox sweeper
 * looks for unpublished batches, and whether the 09:30 schedule, the start-up catch-up and the sweeper
 * run at all (tests switch them off and trigger runs by hand). {@code batchPartBytes}: the size a
 * DeliveryPlanned part is filled up to (well under the broker's limits); {@code maxRecordBytes}: no
 * record bigger than this is ever sent (the producer's {@code max.request.size} is 1 MiB).
 */
@ConfigurationProperties("rdz.delivery")
public record DeliveryProperties(
        String instanceId,
        Duration planningLease,
        Duration outboxSweep,
        Boolean schedulingEnabled,
        Integer batchPartBytes,
        Integer maxRecordBytes) {

    public DeliveryProperties {
        instanceId = instanceId == null || instanceId.isBlank() ? "delivery-" + UUID.randomUUID() : instanceId;
        planningLease = planningLease == null ? Duration.ofMinutes(1) : planningLease;
        outboxSweep = outboxSweep == null ? Duration.ofSeconds(30) : outboxSweep;
        schedulingEnabled = schedulingEnabled == null || schedulingEnabled;
        batchPartBytes = batchPartBytes == null ? 256 * 1024 : batchPartBytes;
        maxRecordBytes = maxRecordBytes == null ? 1_000_000 : maxRecordBytes;
        if (batchPartBytes > maxRecordBytes) {
            throw new IllegalArgumentException("rdz.delivery.batch-part-bytes (" + batchPartBytes
                    + ") must not exceed rdz.delivery.max-record-bytes (" + maxRecordBytes + ")");
        }
    }
}
