package fr.rdz.crmpush.push.kafka;

import fr.rdz.crmpush.push.application.TaskPublisher;
import fr.rdz.crmpush.push.domain.PushTask;
import fr.rdz.kit.kafka.KafkaSends;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;

/** Publishes push tasks on the task topic, keyed by the lead's phone; completes when the broker acknowledged every one. */
public class KafkaTaskPublisher implements TaskPublisher {

    private final KafkaTemplate<String, byte[]> template;
    private final String topic;

    public KafkaTaskPublisher(KafkaTemplate<String, byte[]> template, String topic) {
        this.template = template;
        this.topic = topic;
    }

    @Override
    public Mono<Void> publish(List<PushTask> tasks) {
        if (tasks.isEmpty()) {
            return Mono.empty();
        }
        return KafkaSends.offTheLoops(() -> CompletableFuture.allOf(tasks.stream()
                        .map(task -> template.send(topic, task.recordKey(), PushTaskCodec.encode(task)))
                        .toArray(CompletableFuture[]::new)))
                .then();
    }

    @Override
    public Mono<Void> publishRaw(String key, String value) {
        return KafkaSends.send(template, topic, key, value.getBytes(StandardCharsets.UTF_8))
                .then();
    }
}
