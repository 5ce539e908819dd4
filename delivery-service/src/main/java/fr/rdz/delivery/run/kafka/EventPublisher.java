package fr.rdz.delivery.run.kafka;

import fr.rdz.delivery.config.DeliveryProperties;
import fr.rdz.delivery.run.application.EnvelopePublisher;
import fr.rdz.delivery.run.application.PermanentPublishFailure;
import fr.rdz.events.Envelope;
import fr.rdz.events.EventCodec;
import fr.rdz.kit.kafka.KafkaSends;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Publishes envelopes written by the outbox (JSON, event id fixed) and completes once the broker
 * acknowledged every one. A record over {@code rdz.delivery.max-record-bytes} is never sent, and a
 * failure no retry can cure (too large, unserializable, forbidden or invalid topic) is reported as a
 * {@link PermanentPublishFailure}; anything else (broker down, timeout) is left to the caller's retry.
 */
@Component
public class EventPublisher implements EnvelopePublisher {

    private final KafkaTemplate<String, Envelope<?>> kafka;
    private final int maxRecordBytes;

    public EventPublisher(KafkaTemplate<String, Envelope<?>> kafka, DeliveryProperties properties) {
        this.kafka = kafka;
        this.maxRecordBytes = properties.maxRecordBytes();
    }

    @Override
    public Mono<Void> publish(List<String> envelopesJson) {
        if (envelopesJson.isEmpty()) {
            return Mono.empty();
        }
        return KafkaSends.offTheLoops(() -> CompletableFuture.allOf(
                        envelopesJson.stream().map(this::send).toArray(CompletableFuture[]::new)))
                .onErrorMap(
                        e -> !(e instanceof PermanentPublishFailure) && isPermanent(e),
                        e -> new PermanentPublishFailure(message(e), e))
                .then();
    }

    private CompletableFuture<?> send(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Envelope<?> envelope = EventCodec.decode(bytes);
        if (bytes.length > maxRecordBytes) {
            throw new PermanentPublishFailure(
                    envelope.eventType() + " " + envelope.eventId() + " is " + bytes.length
                            + " bytes, over the limit of " + maxRecordBytes + " bytes per record",
                    null);
        }
        return kafka.send(envelope.topic(), envelope.key(), envelope);
    }

    static boolean isPermanent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PermanentPublishFailure
                    || t instanceof RecordTooLargeException
                    || t instanceof RecordBatchTooLargeException
                    || t instanceof SerializationException
                    || t instanceof InvalidTopicException
                    || t instanceof AuthorizationException) {
                return true;
            }
        }
        return false;
    }

    private static String message(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t.getMessage() == null) && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof PermanentPublishFailure
                ? t.getMessage()
                : t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
