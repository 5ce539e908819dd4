package fr.rdz.delivery.run.kafka;

import fr.rdz.delivery.config.ConsumedTopics;
import fr.rdz.delivery.run.application.PoolViewCatchUp;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Whether delivery's pool view has caught up with the topics it is built from: the committed offsets
 * of the service's consumer group against the end offsets of every consumed partition. A catch-up run
 * at start waits for it, so that leads routed while the service was down are in the pool it plans from.
 */
@Component
public class PoolViewLag implements PoolViewCatchUp {

    private static final Logger log = LoggerFactory.getLogger(PoolViewLag.class);

    private final KafkaAdmin admin;
    private final String groupId;

    public PoolViewLag(KafkaAdmin admin, KafkaProperties properties) {
        this.admin = admin;
        this.groupId = properties.getConsumer().getGroupId();
    }

    /** Waits (polling every second) until no consumed partition lags, at most {@code max}; true when caught up. */
    @Override
    public boolean awaitCaughtUp(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        try (AdminClient client = AdminClient.create(admin.getConfigurationProperties())) {
            while (true) {
                long lag = lag(client);
                if (lag == 0) {
                    return true;
                }
                if (System.nanoTime() > deadline) {
                    log.warn("Pool view still {} records behind after {}: planning anyway", lag, max);
                    return false;
                }
                TimeUnit.SECONDS.sleep(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            log.warn("Could not measure the pool view's lag: planning anyway", e);
            return false;
        }
    }

    private long lag(AdminClient client) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        client.describeTopics(ConsumedTopics.POOL_VIEW)
                .allTopicNames()
                .get(10, TimeUnit.SECONDS)
                .forEach((topic, d) -> d.partitions()
                        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
        var ends = client.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS);
        long lag = 0;
        for (var end : ends.entrySet()) {
            OffsetAndMetadata c = committed.get(end.getKey());
            lag += Math.max(0, end.getValue().offset() - (c == null ? 0 : c.offset()));
        }
        return lag;
    }
}
