package fr.rdz.intake.lead.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The relay's concurrency without its policy: hand-off to one thread, batched acknowledgements, sweeps. */
class RelayEngineTest {

    private static final Duration MARK_INTERVAL = Duration.ofMillis(50);
    private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(5);

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final Queue<String> sent = new ConcurrentLinkedQueue<>();
    private final Set<String> sendingThreads = ConcurrentHashMap.newKeySet();
    private final List<List<Integer>> marked = new ArrayList<>();
    private final AtomicInteger sweeps = new AtomicInteger();
    private volatile CountDownLatch sendGate = new CountDownLatch(0);
    private volatile Function<List<Integer>, Mono<Void>> mark = batch -> Mono.empty();
    private volatile Supplier<Mono<?>> beforeSweeps = Mono::empty;
    private volatile Supplier<Mono<?>> sweep = () -> Mono.empty();
    private RelayEngine<String, Integer> engine;

    @AfterEach
    void tearDown() {
        sendGate.countDown();
        if (engine != null && engine.isRunning()) {
            engine.stop();
        }
        time.dispose();
    }

    @Test
    void itemsHandedFromManyThreadsAreEachSentOnceInTheirOrderOnTheRelayThread() throws Exception {
        start();
        List<Thread> producers = IntStream.range(0, 4)
                .mapToObj(p -> new Thread(() -> IntStream.range(0, 2_000)
                        .forEach(i -> assertThat(engine.hand(p + "-" + i)).isTrue())))
                .toList();
        producers.forEach(Thread::start);
        for (Thread producer : producers) {
            producer.join(TimeUnit.SECONDS.toMillis(30));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> sent.size() == 8_000);
        assertThat(Set.copyOf(sent)).hasSize(8_000);
        Map<String, List<Integer>> byProducer = sent.stream()
                .map(item -> item.split("-"))
                .collect(Collectors.groupingBy(
                        parts -> parts[0],
                        Collectors.mapping(parts -> Integer.parseInt(parts[1]), Collectors.toList())));
        byProducer.values().forEach(order -> assertThat(order).isSorted());
        assertThat(sendingThreads).containsExactly("test-relay");
    }

    @Test
    void aBurstHandedWhileTheThreadSendsWakesItOnlyOnce() {
        sendGate = new CountDownLatch(1);
        start();
        engine.hand("first");
        await().atMost(Duration.ofSeconds(30)).until(() -> sendingThreads.contains("test-relay"));

        IntStream.range(0, 100).forEach(i -> engine.hand("burst-" + i));
        sendGate.countDown();

        await().atMost(Duration.ofSeconds(30)).until(() -> sent.size() == 101);
        assertThat(engine.wakeUps()).isEqualTo(1);
    }

    @Test
    void acknowledgementsComeBackInBatchesOfAtMostTheLimitOneBatchAtATime() {
        Sinks.Empty<Void> firstWrite = Sinks.empty();
        mark = batch -> marked.size() == 1 ? firstWrite.asMono() : Mono.empty();
        start();
        IntStream.range(0, 2_500).forEach(engine::acknowledged);

        time.advanceTimeBy(MARK_INTERVAL);
        assertThat(marked).hasSize(1);
        assertThat(marked.get(0)).hasSize(1_000).startsWith(0, 1, 2);

        time.advanceTimeBy(MARK_INTERVAL.multipliedBy(5));
        assertThat(marked).as("the first batch is still being written").hasSize(1);

        firstWrite.tryEmitEmpty();
        time.advanceTimeBy(MARK_INTERVAL.multipliedBy(2));
        assertThat(marked).extracting(List::size).containsExactly(1_000, 1_000, 500);
    }

    @Test
    void aFailedBatchDoesNotStopTheNextOnes() {
        mark = batch -> marked.size() == 1 ? Mono.error(new IllegalStateException("Mongo down")) : Mono.empty();
        start();
        engine.acknowledged(1);
        time.advanceTimeBy(MARK_INTERVAL);
        engine.acknowledged(2);
        time.advanceTimeBy(MARK_INTERVAL);

        assertThat(marked).containsExactly(List.of(1), List.of(2));
    }

    @Test
    void sweepsWaitForTheStartStepThenRunAtOnceAndEveryIntervalNeverTwoAtOnce() {
        Sinks.Empty<Void> startStep = Sinks.empty();
        Sinks.Empty<Void> secondSweep = Sinks.empty();
        beforeSweeps = startStep::asMono;
        sweep = () -> sweeps.get() == 2 ? secondSweep.asMono() : Mono.empty();
        start();
        time.advanceTimeBy(SWEEP_INTERVAL.multipliedBy(3));
        assertThat(sweeps).as("the start step is not done").hasValue(0);

        startStep.tryEmitEmpty();
        time.advanceTime();
        assertThat(sweeps).as("at once").hasValue(1);

        time.advanceTimeBy(SWEEP_INTERVAL);
        assertThat(sweeps).hasValue(2);
        time.advanceTimeBy(SWEEP_INTERVAL.multipliedBy(3));
        assertThat(sweeps).as("the second sweep still runs").hasValue(2);

        secondSweep.tryEmitEmpty();
        time.advanceTime();
        assertThat(sweeps)
                .as("one tick waited while it ran, the others were dropped")
                .hasValue(3);
        time.advanceTimeBy(SWEEP_INTERVAL);
        assertThat(sweeps).hasValue(4);
    }

    @Test
    void aFailedSweepDoesNotStopTheNextOnes() {
        sweep = () -> sweeps.get() == 1 ? Mono.error(new IllegalStateException("Mongo down")) : Mono.empty();
        start();
        time.advanceTime();
        time.advanceTimeBy(SWEEP_INTERVAL);

        assertThat(sweeps).hasValue(2);
    }

    @Test
    void stopSendsWhatWasHandedThenMarksOneLastBatchAndRefusesNewItems() throws Exception {
        sendGate = new CountDownLatch(1);
        start();
        IntStream.range(0, 10).forEach(i -> engine.hand("lead-" + i));
        engine.acknowledged(7);

        Thread stopping = new Thread(engine::stop);
        stopping.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> !engine.isRunning());
        assertThat(engine.hand("too-late")).isFalse();
        sendGate.countDown();
        stopping.join(TimeUnit.SECONDS.toMillis(30));

        assertThat(sent).hasSize(10).doesNotContain("too-late");
        assertThat(marked).containsExactly(List.of(7));
    }

    private void start() {
        engine = new RelayEngine<>(
                "test-relay",
                new RelayEngine.Timing(MARK_INTERVAL, 1_000, SWEEP_INTERVAL, Duration.ofSeconds(30)),
                new RelayEngine.Relay<>() {
                    @Override
                    public void send(String item) {
                        sendingThreads.add(Thread.currentThread().getName());
                        try {
                            sendGate.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        sent.add(item);
                    }

                    @Override
                    public Mono<Void> mark(List<Integer> acknowledged) {
                        marked.add(acknowledged);
                        return mark.apply(acknowledged);
                    }

                    @Override
                    public Mono<?> beforeSweeps() {
                        return beforeSweeps.get();
                    }

                    @Override
                    public Mono<?> sweep() {
                        sweeps.incrementAndGet();
                        return sweep.get();
                    }
                },
                time);
        engine.start();
    }
}
