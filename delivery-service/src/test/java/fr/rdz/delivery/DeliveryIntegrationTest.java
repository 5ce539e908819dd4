package fr.rdz.delivery;

import com.mongodb.client.model.Filters;
import fr.rdz.delivery.mongo.MongoCollections;
import fr.rdz.events.Envelope;
import fr.rdz.events.EventCodec;
import fr.rdz.events.RdzEvent;
import fr.rdz.stack.RdzTestStack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * Base of every delivery-service integration test: the real service context against the shared test stack
 * (real KRaft broker, Mongo wire server). One configuration, so Spring caches one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class DeliveryIntegrationTest {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin";

    @Autowired
    protected WebTestClient web;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RdzTestStack.register(registry, "rdz_delivery");
    }

    @Autowired
    protected ReactiveMongoTemplate mongo;

    @Autowired
    protected KafkaTemplate<String, Envelope<?>> kafka;

    protected void publish(RdzEvent event) {
        Envelope<?> envelope = Envelope.of(event, "test", Instant.now());
        kafka.send(envelope.topic(), envelope.key(), envelope).join();
    }

    protected long count(String collection, Bson filter) {
        return mongo.getCollection(collection)
                .flatMap(c -> Mono.from(c.countDocuments(filter)))
                .block(Duration.ofSeconds(10));
    }

    /** Every event of {@code topic} (from the beginning) whose payload matches, read back from the broker. */
    protected static <P extends RdzEvent> List<ConsumerRecord<String, Envelope<P>>> read(
            String topic, Class<P> type, Predicate<P> matching, int atLeast) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                RdzTestStack.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        List<ConsumerRecord<String, Envelope<P>>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    Envelope<?> envelope = EventCodec.decode(r.value());
                    if (type.isInstance(envelope.payload()) && matching.test(type.cast(envelope.payload()))) {
                        @SuppressWarnings("unchecked")
                        Envelope<P> typed = (Envelope<P>) envelope;
                        found.add(withValue(r, typed));
                    }
                }
                return found.size() >= atLeast;
            });
            // one more poll: anything published twice would show up here
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                Envelope<?> envelope = EventCodec.decode(r.value());
                if (type.isInstance(envelope.payload()) && matching.test(type.cast(envelope.payload()))) {
                    @SuppressWarnings("unchecked")
                    Envelope<P> typed = (Envelope<P>) envelope;
                    found.add(withValue(r, typed));
                }
            }
        }
        return found;
    }

    /** The record as read (offset, timestamp, key), with its decoded envelope. */
    private static <V> ConsumerRecord<String, V> withValue(ConsumerRecord<String, byte[]> r, V value) {
        return new ConsumerRecord<>(
                r.topic(),
                r.partition(),
                r.offset(),
                r.timestamp(),
                r.timestampType(),
                r.serializedKeySize(),
                r.serializedValueSize(),
                r.key(),
                value,
                r.headers(),
                r.leaderEpoch());
    }

    /** Waits until the pool holds {@code expected} leads whose id starts with {@code "lead-" + suffix}. */
    protected void awaitPool(String suffix, int expected) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> count(MongoCollections.POOL, Filters.regex("_id", "^lead-" + suffix)) == expected);
    }

    protected WebTestClient admin() {
        return web.mutate()
                .defaultHeaders(h -> h.setBasicAuth(ADMIN, ADMIN_PASSWORD))
                .build();
    }
}
