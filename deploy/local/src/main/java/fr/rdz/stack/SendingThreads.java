package fr.rdz.stack;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * A producer interceptor of every service's integration tests ({@link RdzTestStack#register}): it records, for
 * each record a producer of the test JVM is asked to send, the thread that called {@code send} (interceptors run on
 * the caller's thread). A send may block, so it must never be called on an event loop, a Reactor parallel worker or
 * the producer's own I/O thread ({@code KafkaSends}); {@link #onEventLoops} lists the sends that were.
 */
public final class SendingThreads implements ProducerInterceptor<Object, Object> {

    /** Threads on which a blocking call stalls others: the HTTP and Mongo event loops, Reactor's parallel workers, the producer's I/O. */
    public static final Pattern EVENT_LOOPS =
            Pattern.compile("reactor-http-.*|.*[Ee]ventLoopGroup.*|parallel-\\d+|kafka-producer-network-thread.*");

    /** One send: the topic, the record key as sent, the calling thread. */
    public record Send(String topic, String key, String thread) {}

    private static final ConcurrentLinkedQueue<Send> SENDS = new ConcurrentLinkedQueue<>();
    private static final int KEPT = 100_000;

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        if (SENDS.size() < KEPT) {
            SENDS.add(new Send(
                    record.topic(),
                    String.valueOf(record.key()),
                    Thread.currentThread().getName()));
        }
        return record;
    }

    /** Every recorded send to {@code topic} whose calling thread was an event loop. */
    public static List<Send> onEventLoops(String topic) {
        return SENDS.stream()
                .filter(s -> s.topic().equals(topic))
                .filter(s -> EVENT_LOOPS.matcher(s.thread()).matches())
                .toList();
    }

    /** Every recorded send to {@code topic}. */
    public static List<Send> to(String topic) {
        return SENDS.stream().filter(s -> s.topic().equals(topic)).toList();
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {}

    @Override
    public void close() {}

    @Override
    public void configure(Map<String, ?> configs) {}
}
