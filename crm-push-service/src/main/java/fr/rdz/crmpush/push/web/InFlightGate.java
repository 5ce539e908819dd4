package fr.rdz.crmpush.push.web;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Bounds the calls in flight to one CRM host with a resilience4j {@link Bulkhead} (its permits, metrics and
 * configuration), without ever blocking a thread: a call beyond the bound waits, non-blockingly and in arrival
 * order, for a permit; after {@code maxWait} it fails with {@link BulkheadFullException} (the task then goes to the
 * retry path). The bulkhead must be configured with {@code max-wait-duration: 0}.
 */
final class InFlightGate {

    private final Bulkhead bulkhead;
    private final Duration maxWait;
    private final Queue<Waiter> waiters = new ConcurrentLinkedQueue<>();

    InFlightGate(Bulkhead bulkhead, Duration maxWait) {
        this.bulkhead = bulkhead;
        this.maxWait = maxWait;
    }

    <T> Mono<T> run(Supplier<Mono<T>> call) {
        Mono<Boolean> permit = Mono.<Boolean>create(sink -> {
            Waiter waiter = new Waiter(sink);
            sink.onCancel(() -> {
                if (!waiter.abandon()) {
                    // granted and cancelled before use: give the permit back
                    release();
                }
                waiters.remove(waiter);
            });
            if (bulkhead.tryAcquirePermission()) {
                if (!waiter.grant()) {
                    release();
                }
                return;
            }
            waiters.add(waiter);
            drain();
        });
        return permit.timeout(maxWait, Mono.error(() -> BulkheadFullException.createBulkheadFullException(bulkhead)))
                .flatMap(
                        granted -> Mono.defer(call).doOnTerminate(this::release).doOnCancel(this::release));
    }

    int waiting() {
        return waiters.size();
    }

    private void release() {
        bulkhead.onComplete();
        drain();
    }

    private void drain() {
        while (!waiters.isEmpty() && bulkhead.tryAcquirePermission()) {
            Waiter next = waiters.poll();
            if (next == null || !next.grant()) {
                bulkhead.onComplete();
            }
        }
    }

    private static final class Waiter {
        private static final int WAITING = 0;
        private static final int GRANTED = 1;
        private static final int ABANDONED = 2;

        private final MonoSink<Boolean> sink;
        private final AtomicInteger state = new AtomicInteger(WAITING);

        Waiter(MonoSink<Boolean> sink) {
            this.sink = sink;
        }

        boolean grant() {
            if (state.compareAndSet(WAITING, GRANTED)) {
                sink.success(Boolean.TRUE);
                return true;
            }
            return false;
        }

        /** True when the waiter gave up before a permit was granted. */
        boolean abandon() {
            return state.compareAndSet(WAITING, ABANDONED) || state.get() == ABANDONED;
        }
    }
}
