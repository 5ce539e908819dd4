package fr.rdz.crmpush.push.application;

import fr.rdz.crmpush.push.domain.PushTask;
import java.util.List;
import reactor.core.publisher.Mono;

/** Puts push tasks on the task topic, without any retry header (a fresh cycle of attempts). */
public interface TaskPublisher {

    Mono<Void> publish(List<PushTask> tasks);

    /** Re-injects a stored task record as it was (key and JSON value). */
    Mono<Void> publishRaw(String key, String value);
}
