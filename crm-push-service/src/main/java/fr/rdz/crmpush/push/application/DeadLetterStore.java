package fr.rdz.crmpush.push.application;

import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where dead letters are kept ({@code dead_letters}, one per push id). */
public interface DeadLetterStore {

    /** Records (or re-opens) the dead letter of a push. */
    Mono<Void> save(DeadLetter deadLetter);

    Flux<DeadLetter> list(String clientId, String status);

    Flux<DeadLetter> byIds(List<String> ids);

    Mono<Void> markReplayed(String id, String operator, Instant at);

    /** The push reached a final outcome: its dead letter, if any, is resolved. */
    Mono<Void> markResolved(String id, Instant at);
}
