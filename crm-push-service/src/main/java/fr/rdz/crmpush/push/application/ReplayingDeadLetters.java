package fr.rdz.crmpush.push.application;

import fr.rdz.kit.Operator;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Re-injects dead letters into the task topic with no retry header: a fresh cycle of attempts. Named ids are
 * replayed whatever their state (the ledger still guarantees that a lead already pushed is not POSTed again); by
 * client or all (also when nothing is named): only the open ones. An operator scoped to one entity replays only that entity's dead letters.
 */
public class ReplayingDeadLetters {

    private static final Logger log = LoggerFactory.getLogger(ReplayingDeadLetters.class);

    private final DeadLetterStore store;
    private final TaskPublisher tasks;
    private final Clock clock;

    public ReplayingDeadLetters(DeadLetterStore store, TaskPublisher tasks, Clock clock) {
        this.store = store;
        this.tasks = tasks;
        this.clock = clock;
    }

    public Mono<List<String>> replay(List<String> ids, String clientId, boolean all, Operator operator) {
        Flux<DeadLetter> chosen;
        if (ids != null && !ids.isEmpty()) {
            chosen = store.byIds(ids);
        } else if (clientId != null && !clientId.isBlank()) {
            chosen = store.list(clientId, DeadLetter.OPEN);
        } else {
            // "all", or no selector at all: every open dead letter (safe: the ledger never pushes a lead twice)
            chosen = store.list(null, DeadLetter.OPEN);
        }
        return chosen.filter(d -> d.entity() == null || operator.canSee(d.entity()))
                .concatMap(d -> tasks.publishRaw(d.recordKey(), d.task())
                        .then(store.markReplayed(d.id(), operator.name(), clock.instant()))
                        .thenReturn(d.id()))
                .collectList()
                .doOnNext(done -> log.info("{} replayed {} dead letter(s)", operator.name(), done.size()));
    }
}
