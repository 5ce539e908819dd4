package fr.rdz.intake.lead.mongo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;

/**
 * Group commit: concurrent single-document writes are gathered into one batched write (an unordered
 * {@code insertMany}), flushed as soon as {@code maxBatch} documents wait or {@code maxDelay} after
 * the first one arrived. Each caller's {@link Mono} completes only when the batch holding its
 * document has been acknowledged, and fails with its own document's error (e.g. a duplicate key):
 * the other documents of the batch are not affected.
 *
 * <p>Bounded: when {@code capacity} documents are already waiting or being written, a new one is
 * written on its own at once (never dropped, never queued without bound).
 *
 * @param <T> the document type
 */
public final class GroupCommit<T> {

    /**
     * Writes one batch. Completes with the errors of the documents that were not written, keyed by
     * their index in {@code batch} (empty when all were written); fails when the batch as a whole
     * failed (then every document of the batch fails with that error).
     */
    @FunctionalInterface
    public interface BatchWrite<T> extends Function<List<T>, Mono<Map<Integer, Throwable>>> {}

    private record Waiting<T>(T document, MonoSink<T> caller) {}

    private final BatchWrite<T> write;
    private final int maxBatch;
    private final Duration maxDelay;
    private final int capacity;
    private final Scheduler timer;
    private List<Waiting<T>> buffer = new ArrayList<>();
    private Disposable pendingFlush;
    private int outstanding;

    /**
     * @param write the batched write
     * @param maxBatch flush when this many documents wait
     * @param maxDelay flush at the latest this long after the first waiting document arrived
     * @param capacity documents waiting or in flight beyond which a document is written alone
     * @param timer schedules the delayed flushes (a virtual-time scheduler in tests)
     */
    public GroupCommit(BatchWrite<T> write, int maxBatch, Duration maxDelay, int capacity, Scheduler timer) {
        if (maxBatch < 1 || capacity < maxBatch) {
            throw new IllegalArgumentException("need 1 <= maxBatch <= capacity");
        }
        this.write = write;
        this.maxBatch = maxBatch;
        this.maxDelay = maxDelay;
        this.capacity = capacity;
        this.timer = timer;
    }

    /** Writes {@code document} in the next batch; emits it once acknowledged, or fails with its own error. */
    public Mono<T> submit(T document) {
        return Mono.create(caller -> enqueue(new Waiting<>(document, caller)));
    }

    /** Documents accepted and not yet acknowledged (waiting or in flight). */
    public synchronized int outstanding() {
        return outstanding;
    }

    private void enqueue(Waiting<T> waiting) {
        List<Waiting<T>> full = null;
        boolean alone = false;
        synchronized (this) {
            if (outstanding >= capacity) {
                alone = true;
            } else {
                outstanding++;
                buffer.add(waiting);
                if (buffer.size() >= maxBatch) {
                    full = takeBuffer();
                } else if (buffer.size() == 1) {
                    pendingFlush = timer.schedule(
                            this::flushDue, maxDelay.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
                }
            }
        }
        if (alone) {
            execute(List.of(waiting), false);
        } else if (full != null) {
            execute(full, true);
        }
    }

    private void flushDue() {
        List<Waiting<T>> due;
        synchronized (this) {
            due = buffer.isEmpty() ? null : takeBuffer();
        }
        if (due != null) {
            execute(due, true);
        }
    }

    /** Called under the lock. */
    private List<Waiting<T>> takeBuffer() {
        List<Waiting<T>> taken = buffer;
        buffer = new ArrayList<>(maxBatch);
        if (pendingFlush != null) {
            pendingFlush.dispose();
            pendingFlush = null;
        }
        return taken;
    }

    private void execute(List<Waiting<T>> batch, boolean counted) {
        List<T> documents = new ArrayList<>(batch.size());
        batch.forEach(w -> documents.add(w.document()));
        Mono<Map<Integer, Throwable>> result;
        try {
            result = write.apply(documents);
        } catch (RuntimeException e) {
            result = Mono.error(e);
        }
        result.defaultIfEmpty(Map.of())
                .subscribe(
                        errors -> {
                            release(batch.size(), counted);
                            for (int i = 0; i < batch.size(); i++) {
                                Throwable error = errors.get(i);
                                if (error == null) {
                                    batch.get(i).caller().success(batch.get(i).document());
                                } else {
                                    batch.get(i).caller().error(error);
                                }
                            }
                        },
                        error -> {
                            release(batch.size(), counted);
                            batch.forEach(w -> w.caller().error(error));
                        });
    }

    private void release(int documents, boolean counted) {
        if (counted) {
            synchronized (this) {
                outstanding -= documents;
            }
        }
    }
}
