package fr.rdz.kit;

import java.time.Instant;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One kind of document of a service that holds personal data of leads, and how the retention
 * limit applies to it. Every bean of this type is run by {@link PersonalDataRetentionJob}.
 * A sweep erases what an erasure of the person would (the same code), or deletes what has no
 * reason to outlive its personal data; it is idempotent: a second run on the same data changes
 * nothing, so several instances may run it at the same time.
 */
public interface PersonalDataSweep {

    /** What the sweep covers, for the operator's log line (e.g. {@code leads}, {@code quarantine}). */
    String name();

    /**
     * Erases the personal data of every document whose lead was received before
     * {@code expiredBefore}, reading at most {@code pageSize} documents at a time; emits how many
     * documents were changed (anonymised or deleted).
     */
    Mono<Long> sweep(Instant expiredBefore, int pageSize);

    /** A sweep named {@code name} that runs {@code sweep}. */
    static PersonalDataSweep of(String name, BiFunction<Instant, Integer, Mono<Long>> sweep) {
        return new PersonalDataSweep() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Mono<Long> sweep(Instant expiredBefore, int pageSize) {
                return sweep.apply(expiredBefore, pageSize);
            }

            @Override
            public String toString() {
                return "PersonalDataSweep[" + name + "]";
            }
        };
    }

    /**
     * Page by page: {@code nextPage} reads at most {@code pageSize} documents still to erase (the
     * ones erased before no longer match its query), {@code eraseOne} erases one and tells whether
     * it changed something. Stops at a page that is not full, or that changed nothing (so a
     * document that cannot be erased never loops the job). Emits the number of documents changed.
     */
    static <T> Mono<Long> pageByPage(Supplier<Flux<T>> nextPage, Function<T, Mono<Boolean>> eraseOne, int pageSize) {
        Mono<Page> page = Mono.defer(() -> nextPage.get()
                .concatMap(doc -> eraseOne.apply(doc).defaultIfEmpty(false))
                .reduce(new Page(0, 0), (p, changed) -> new Page(p.read() + 1, p.changed() + (changed ? 1 : 0))));
        return page.expand(p -> p.read() >= pageSize && p.changed() > 0 ? page : Mono.empty())
                .map(Page::changed)
                .reduce(0L, Long::sum);
    }

    /** What one page did. */
    record Page(long read, long changed) {}
}
