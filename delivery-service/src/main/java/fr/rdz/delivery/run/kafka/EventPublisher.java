package fr.rdz.delivery.run.kafka;

import fr.rdz.events.Envelope;
import fr.rdz.events.EventCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Publishes envelopes written by the outbox (JSON, event id fixed) and completes once the broker acknowledged every one. */
@Component
public class EventPublisher {

    private final KafkaTemplate<String, Envelope<?>> kafka;

    public EventPublisher(KafkaTemplate<String, Envelope<?>> kafka) {
        this.kafka = kafka;
    }

    public Mono<Void> publish(List<String> envelopesJson) {
        return Mono.defer(() -> {
            CompletableFuture<?>[] sent = envelopesJson.stream()
                    .map(json -> EventCodec.decode(json.getBytes(StandardCharsets.UTF_8)))
                    .map(envelope -> kafka.send(envelope.topic(), envelope.key(), envelope))
                    .toArray(CompletableFuture[]::new);
            return Mono.fromFuture(CompletableFuture.allOf(sent));
        });
    }
}
