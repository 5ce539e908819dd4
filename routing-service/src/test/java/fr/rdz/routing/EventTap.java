package fr.rdz.routing;

import fr.rdz.events.Envelope;
import fr.rdz.events.EnvelopeDeserializer;
import fr.rdz.events.RdzEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every event routing publishes (from the beginning of the topics, one background
 * consumer per test JVM) so tests can wait for the ones they caused.
 */
public final class EventTap {

    private static EventTap instance;

    private final List<Envelope<?>> seen = new CopyOnWriteArrayList<>();
    private final List<String> keys = new CopyOnWriteArrayList<>();

    private EventTap(String bootstrapServers, List<String> topics) {
        Thread thread = new Thread(
                () -> {
                    try (KafkaConsumer<String, Envelope<?>> consumer = new KafkaConsumer<>(
                            Map.of(
                                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                    bootstrapServers,
                                    ConsumerConfig.GROUP_ID_CONFIG,
                                    "routing-test-tap-" + UUID.randomUUID(),
                                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                                    "earliest"),
                            new StringDeserializer(),
                            new EnvelopeDeserializer())) {
                        consumer.subscribe(topics);
                        while (!Thread.currentThread().isInterrupted()) {
                            consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                                seen.add(r.value());
                                keys.add(r.key());
                            });
                        }
                    }
                },
                "routing-test-tap");
        thread.setDaemon(true);
        thread.start();
    }

    public static synchronized EventTap start(String bootstrapServers, List<String> topics) {
        if (instance == null) {
            instance = new EventTap(bootstrapServers, topics);
        }
        return instance;
    }

    public <P extends RdzEvent> List<P> all(Class<P> type, Predicate<P> match) {
        return seen.stream()
                .map(Envelope::payload)
                .filter(type::isInstance)
                .map(type::cast)
                .filter(match)
                .toList();
    }

    public <P extends RdzEvent> P await(Class<P> type, Predicate<P> match) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !all(type, match)
                .isEmpty());
        List<P> found = all(type, match);
        return found.get(found.size() - 1);
    }

    public List<Envelope<?>> envelopes() {
        return seen;
    }
}
