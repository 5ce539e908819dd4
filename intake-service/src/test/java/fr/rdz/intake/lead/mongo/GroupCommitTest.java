package fr.rdz.intake.lead.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import reactor.core.publisher.Sinks;
import reactor.test.scheduler.VirtualTimeScheduler;

class GroupCommitTest {

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    /** Every batch written, in order; each acknowledged when the test says so. */
    private final List<List<String>> batches = new ArrayList<>();

    private final List<Sinks.One<Map<Integer, Throwable>>> acks = new ArrayList<>();

    private final GroupCommit.BatchWrite<String> write = batch -> {
        batches.add(List.copyOf(batch));
        Sinks.One<Map<Integer, Throwable>> ack = Sinks.one();
        acks.add(ack);
        return ack.asMono();
    };

    @AfterEach
    void stop() {
        time.dispose();
    }

    @Test
    void flushesAsSoonAsMaxBatchDocumentsWaitWithoutWaitingForTheDelay() {
        GroupCommit<String> group = new GroupCommit<>(write, 3, Duration.ofMillis(2), 100, time);

        Outcome a = submit(group, "a");
        Outcome b = submit(group, "b");
        assertThat(batches).isEmpty();
        Outcome c = submit(group, "c");

        assertThat(batches).containsExactly(List.of("a", "b", "c"));
        time.advanceTimeBy(Duration.ofMillis(10));
        assertThat(batches).hasSize(1);
        acks.get(0).tryEmitValue(Map.of());
        assertThat(List.of(a.value.get(), b.value.get(), c.value.get())).containsExactly("a", "b", "c");
    }

    @Test
    void flushesWhatWaitsWhenTheDelayOfTheFirstDocumentIsOver() {
        GroupCommit<String> group = new GroupCommit<>(write, 10, Duration.ofMillis(2), 100, time);

        submit(group, "a");
        time.advanceTimeBy(Duration.ofMillis(1));
        submit(group, "b");
        assertThat(batches).isEmpty();
        time.advanceTimeBy(Duration.ofMillis(1));
        assertThat(batches).containsExactly(List.of("a", "b"));

        submit(group, "c");
        time.advanceTimeBy(Duration.ofMillis(1));
        assertThat(batches).hasSize(1);
        time.advanceTimeBy(Duration.ofMillis(1));
        assertThat(batches).containsExactly(List.of("a", "b"), List.of("c"));
    }

    @Test
    void aCallerIsAnsweredOnlyOnceItsOwnBatchIsAcknowledged() {
        GroupCommit<String> group = new GroupCommit<>(write, 2, Duration.ofMillis(2), 100, time);
        Outcome a = submit(group, "a");
        Outcome b = submit(group, "b");
        Outcome c = submit(group, "c");
        Outcome d = submit(group, "d");

        acks.get(1).tryEmitValue(Map.of());

        assertThat(a.done()).isFalse();
        assertThat(b.done()).isFalse();
        assertThat(c.value.get()).isEqualTo("c");
        assertThat(d.value.get()).isEqualTo("d");
        acks.get(0).tryEmitValue(Map.of());
        assertThat(a.value.get()).isEqualTo("a");
        assertThat(b.value.get()).isEqualTo("b");
    }

    @Test
    void aRefusedDocumentFailsOnlyItsOwnCallerWithItsOwnError() {
        GroupCommit<String> group = new GroupCommit<>(write, 3, Duration.ofMillis(2), 100, time);
        Outcome first = submit(group, "s1|0611223344");
        Outcome second = submit(group, "s1|0611223344");
        Outcome other = submit(group, "s2|0699887766");

        acks.get(0).tryEmitValue(Map.of(1, new DuplicateKeyException("E11000 s1|0611223344")));

        assertThat(first.value.get()).isEqualTo("s1|0611223344");
        assertThat(first.error.get()).isNull();
        assertThat(second.value.get()).isNull();
        assertThat(second.error.get()).isInstanceOf(DuplicateKeyException.class);
        assertThat(other.value.get()).isEqualTo("s2|0699887766");
        assertThat(group.outstanding()).isZero();
    }

    @Test
    void aFailedBatchFailsEveryCallerOfThatBatch() {
        GroupCommit<String> group = new GroupCommit<>(write, 2, Duration.ofMillis(2), 100, time);
        Outcome a = submit(group, "a");
        Outcome b = submit(group, "b");

        acks.get(0).tryEmitError(new DataAccessResourceFailureException("Mongo away"));

        assertThat(a.error.get()).isInstanceOf(DataAccessResourceFailureException.class);
        assertThat(b.error.get()).isInstanceOf(DataAccessResourceFailureException.class);
        assertThat(group.outstanding()).isZero();
    }

    @Test
    void whenTheQueueIsFullADocumentIsWrittenAloneAtOnceNeverDropped() {
        GroupCommit<String> group = new GroupCommit<>(write, 2, Duration.ofMillis(2), 2, time);
        Outcome a = submit(group, "a");
        Outcome b = submit(group, "b");
        assertThat(group.outstanding()).isEqualTo(2);

        Outcome c = submit(group, "c");

        assertThat(batches).containsExactly(List.of("a", "b"), List.of("c"));
        acks.get(1).tryEmitValue(Map.of());
        assertThat(c.value.get()).isEqualTo("c");
        assertThat(a.done()).isFalse();
        acks.get(0).tryEmitValue(Map.of());
        assertThat(a.value.get()).isEqualTo("a");
        assertThat(b.value.get()).isEqualTo("b");
        assertThat(group.outstanding()).isZero();

        submit(group, "d");
        time.advanceTimeBy(Duration.ofMillis(2));
        assertThat(batches).last().isEqualTo(List.of("d"));
    }

    @Test
    void aWriteThatThrowsFailsItsCallersInsteadOfLosingThem() {
        GroupCommit<String> group = new GroupCommit<>(
                batch -> {
                    throw new IllegalStateException("converter refused");
                },
                1,
                Duration.ofMillis(2),
                10,
                time);

        Outcome a = submit(group, "a");

        assertThat(a.error.get()).isInstanceOf(IllegalStateException.class);
        assertThat(group.outstanding()).isZero();
    }

    private static Outcome submit(GroupCommit<String> group, String document) {
        Outcome outcome = new Outcome();
        group.submit(document).subscribe(outcome.value::set, outcome.error::set);
        return outcome;
    }

    private static final class Outcome {
        final AtomicReference<String> value = new AtomicReference<>();
        final AtomicReference<Throwable> error = new AtomicReference<>();

        boolean done() {
            return value.get() != null || error.get() != null;
        }
    }
}
