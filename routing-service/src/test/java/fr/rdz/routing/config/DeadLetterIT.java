package fr.rdz.routing.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.rdz.events.Topics;
import fr.rdz.routing.RoutingIntegrationTest;
import fr.rdz.stack.RdzTestStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * routing's listeners follow the kit's one error policy: a record routing cannot read goes, as its bytes, to
 * {@code <topic>.routing-service.dlt}, one such topic per consumed topic (1 partition, as before the kit).
 */
class DeadLetterIT extends RoutingIntegrationTest {

    @Test
    void anUnreadableRunCompletedGoesAsItsBytesToTheRoutingServiceDeadLetterTopic() {
        String servers = RdzTestStack.get().kafkaBootstrapServers();
        String key = "dead-letter-" + UUID.randomUUID();
        byte[] garbage = ("not an envelope " + key).getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(Topics.RUN_COMPLETED, key, garbage));
            producer.flush();
        }

        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                servers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "dead-letter-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.RUN_COMPLETED + ".routing-service.dlt"));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
        }
        assertThat(found.get(0).value()).isEqualTo(garbage);
    }

    @Test
    void createsOneDeadLetterTopicPerConsumedTopic() throws Exception {
        List<String> deadLetters = KafkaConfig.CONSUMED.stream()
                .map(topic -> topic + ".routing-service.dlt")
                .toList();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RdzTestStack.get().kafkaBootstrapServers()))) {
            Map<String, TopicDescription> topics =
                    admin.describeTopics(deadLetters).allTopicNames().get();
            assertThat(topics).containsOnlyKeys(deadLetters);
            assertThat(topics.values())
                    .allSatisfy(t -> assertThat(t.partitions()).hasSize(1));
        }
    }
}
