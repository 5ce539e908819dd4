package fr.rdz.e2e;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

/**
 * Which running instance consumes a record: the partition a key goes to (the producer's default
 * partitioner: murmur2 of the key) and the consumer-group member that holds it, traced to its process by
 * its client id ({@link RdzProcesses#kafkaClientId}). So that a fault kills the instance doing the work,
 * not an idle one.
 */
final class KafkaAssignments {

    private KafkaAssignments() {}

    /** The partition of {@code topic} a record keyed {@code key} goes to. */
    static int partitionOf(Admin admin, String topic, String key) throws Exception {
        int partitions = admin.describeTopics(List.of(topic))
                .allTopicNames()
                .get(30, TimeUnit.SECONDS)
                .get(topic)
                .partitions()
                .size();
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /**
     * The instance among {@code instances} whose consumer holds the partition of {@code topic} that
     * {@code key} goes to, in any consumer group; empty when none does (a rebalance under way).
     */
    static Optional<String> consumerOf(String bootstrap, List<String> instances, String topic, String key)
            throws Exception {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                30_000))) {
            TopicPartition partition = new TopicPartition(topic, partitionOf(admin, topic, key));
            List<String> groups = admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS).stream()
                    .map(ConsumerGroupListing::groupId)
                    .toList();
            for (ConsumerGroupDescription group : admin.describeConsumerGroups(groups)
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .values()) {
                for (MemberDescription member : group.members()) {
                    if (!member.assignment().topicPartitions().contains(partition)) {
                        continue;
                    }
                    for (String instance : instances) {
                        String clientId = RdzProcesses.kafkaClientId(instance);
                        if (member.clientId().equals(clientId)
                                || member.clientId().startsWith(clientId + "-")) {
                            return Optional.of(instance);
                        }
                    }
                }
            }
            return Optional.empty();
        }
    }
}
