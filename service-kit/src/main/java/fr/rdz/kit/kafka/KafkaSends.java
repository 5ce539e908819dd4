package fr.rdz.kit.kafka;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The rule of every reactive Kafka send: <b>a send never runs on the thread the reactive chain happens to be on</b>.
 *
 * <p>{@code KafkaTemplate.send} may block its caller: it waits for the topic's metadata (a topic not yet known to
 * the producer) or for room in the producer's buffer, up to {@code max.block.ms} (60 s by default). On an event
 * loop (the HTTP server's, the Mongo driver's, Reactor's parallel workers) that wait stalls every other request the
 * loop serves; on the producer's own I/O thread, where the previous send of a chain completes, the send waits for
 * metadata only that thread can fetch, so it waits for itself until {@code max.block.ms} expires. Sends run on a
 * dedicated bounded pool, {@code kafka-send}, and their completion is handed back to that pool, off the producer's
 * I/O thread.
 */
public final class KafkaSends {

    private static final Scheduler SENDERS = Schedulers.newBoundedElastic(
            Schedulers.DEFAULT_BOUNDED_ELASTIC_SIZE,
            Schedulers.DEFAULT_BOUNDED_ELASTIC_QUEUESIZE,
            "kafka-send",
            60,
            true);

    private KafkaSends() {}

    /** One record, acknowledged by the broker when the Mono completes. */
    public static <K, V> Mono<SendResult<K, V>> send(KafkaTemplate<K, V> template, String topic, K key, V value) {
        return offTheLoops(() -> template.send(topic, key, value));
    }

    /**
     * Whatever {@code sends} starts (one or several {@code KafkaTemplate.send}, combined into one future), called on
     * a {@code kafka-send} thread; what {@code sends} throws is the Mono's error.
     */
    public static <T> Mono<T> offTheLoops(Supplier<? extends CompletableFuture<? extends T>> sends) {
        return Mono.<T>fromFuture(() -> {
                    @SuppressWarnings("unchecked")
                    CompletableFuture<T> started = (CompletableFuture<T>) sends.get();
                    return started;
                })
                .subscribeOn(SENDERS)
                .publishOn(SENDERS);
    }
}
