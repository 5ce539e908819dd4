package fr.rdz.intake.lead.application;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The concurrency of an outbox relay, apart from its policy ({@link Relay}, which says what to send, what an
 * acknowledgement means and what a sweep reads):
 *
 * <ul>
 *   <li>items handed over from any thread ({@link #hand}) return at once and are sent, in the order handed, by one
 *       dedicated thread, woken only when it is idle (one hand-off per burst, not per item): a send may block (a
 *       Kafka producer's metadata or full buffer), never on the caller's thread;
 *   <li>acknowledgements arrive from any thread ({@link #acknowledged}) and are handed back in batches of at most
 *       {@code maxMarks}, every {@code markInterval}, one batch at a time (the same tick rule as sweeps);
 *   <li>once {@link Relay#beforeSweeps} is done, a sweep runs at once then every {@code sweepInterval}, never two at
 *       once (while one runs, one tick waits for it and the others are dropped);
 *   <li>{@link #stop} refuses new items, lets the sending thread send what it was handed (up to {@code stopWait}),
 *       then hands back one last batch of acknowledgements.
 * </ul>
 *
 * A failed mark or sweep is the policy's to report; it never stops the next ticks.
 */
final class RelayEngine<T, K> {

    /** The policy the engine runs. */
    interface Relay<T, K> {

        /** Sends one item, on the engine's sending thread; its acknowledgement comes back by {@link #acknowledged}. */
        void send(T item);

        /** Handles a batch of acknowledgements (never two batches at once). */
        Mono<Void> mark(List<K> acknowledged);

        /** Runs once at start, before the first sweep. */
        Mono<?> beforeSweeps();

        /** One sweep (never two at once). */
        Mono<?> sweep();
    }

    /**
     * @param maxMarks most acknowledgements handed back in one batch
     * @param stopWait longest {@link #stop} waits for the sends handed before it, then for the last batch
     */
    record Timing(Duration markInterval, int maxMarks, Duration sweepInterval, Duration stopWait) {}

    private final String threadName;
    private final Timing timing;
    private final Relay<T, K> relay;
    private final Scheduler timer;
    private final Queue<T> toSend = new ConcurrentLinkedQueue<>();
    private final Queue<K> acknowledged = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicLong wakeUps = new AtomicLong();

    private ExecutorService sender;
    private Disposable marking;
    private Disposable sweeping;
    private volatile boolean running;

    RelayEngine(String threadName, Timing timing, Relay<T, K> relay, Scheduler timer) {
        this.threadName = threadName;
        this.timing = timing;
        this.relay = relay;
        this.timer = timer;
    }

    void start() {
        sender = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        running = true;
        marking = Flux.interval(timing.markInterval(), timer)
                .onBackpressureDrop()
                .concatMap(tick -> markOneBatch(), 1)
                .subscribe();
        sweeping = relay.beforeSweeps()
                .onErrorResume(e -> Mono.empty())
                .thenMany(Flux.interval(Duration.ZERO, timing.sweepInterval(), timer))
                .onBackpressureDrop()
                .concatMap(tick -> relay.sweep().onErrorResume(e -> Mono.empty()), 1)
                .subscribe();
    }

    boolean isRunning() {
        return running;
    }

    /** Queues {@code item} for the sending thread and returns at once; false when the engine is not running. */
    boolean hand(T item) {
        if (!running) {
            return false;
        }
        toSend.add(item);
        if (draining.compareAndSet(false, true)) {
            wakeUps.incrementAndGet();
            try {
                sender.execute(this::drain);
            } catch (RejectedExecutionException stopping) {
                draining.set(false);
                return !toSend.remove(item);
            }
        }
        return true;
    }

    private void drain() {
        do {
            try {
                T item;
                while ((item = toSend.poll()) != null) {
                    relay.send(item);
                }
            } finally {
                draining.set(false);
            }
        } while (!toSend.isEmpty() && draining.compareAndSet(false, true));
    }

    /** How many times the sending thread was woken (once per burst of items, not per item). */
    long wakeUps() {
        return wakeUps.get();
    }

    /** Records an acknowledgement, from any thread; handed back with the next batch. */
    void acknowledged(K key) {
        acknowledged.add(key);
    }

    private Mono<Void> markOneBatch() {
        List<K> batch = new ArrayList<>();
        K key;
        while (batch.size() < timing.maxMarks() && (key = acknowledged.poll()) != null) {
            batch.add(key);
        }
        return batch.isEmpty() ? Mono.empty() : relay.mark(batch).onErrorResume(e -> Mono.empty());
    }

    /** Throws when the last batch of acknowledgements is not handled within {@code stopWait}. */
    void stop() {
        running = false;
        sweeping.dispose();
        marking.dispose();
        sender.shutdown();
        try {
            sender.awaitTermination(timing.stopWait().toMillis(), TimeUnit.MILLISECONDS);
            markOneBatch().block(timing.stopWait());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
