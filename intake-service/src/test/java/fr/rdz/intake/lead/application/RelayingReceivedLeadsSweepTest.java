package fr.rdz.intake.lead.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import fr.rdz.intake.config.IntakeProperties;
import fr.rdz.intake.lead.kafka.LeadReceivedPublisher;
import fr.rdz.intake.lead.mongo.LeadDocument;
import fr.rdz.intake.lead.mongo.LeadStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * When the relay looks into Mongo for leads still to publish: at start, again once the start's
 * grace has passed, page after page while pages come back full (a backlog after a crash), then
 * only every {@code full-sweep-interval}.
 */
class RelayingReceivedLeadsSweepTest {

    private static final Instant START = Instant.parse("2026-11-21T08:00:00Z");
    private static final int PAGE = 3;

    private final MutableClock clock = new MutableClock(START);
    private final LeadStore store = mock(LeadStore.class);
    private final Deque<Integer> pages = new ArrayDeque<>();
    private final AtomicInteger looks = new AtomicInteger();
    private RelayingReceivedLeads relay;

    @BeforeEach
    void setUp() {
        when(store.pendingPublication(any(), anyInt())).thenAnswer(call -> {
            int look = looks.incrementAndGet();
            int size = pages.isEmpty() ? 0 : pages.poll();
            return Flux.fromStream(IntStream.range(0, size).mapToObj(i -> pending("lead-" + look + "-" + i)));
        });
        IntakeProperties properties = mock(IntakeProperties.class);
        when(properties.outbox())
                .thenReturn(new IntakeProperties.Outbox(
                        Duration.ofSeconds(5),
                        Duration.ofMinutes(1),
                        Duration.ofSeconds(3),
                        PAGE,
                        Duration.ofMillis(50)));
        // not started: a swept lead is read and counted, nothing is sent
        relay = new RelayingReceivedLeads(store, mock(LeadReceivedPublisher.class), clock, properties);
    }

    @Test
    void looksAtStartThenOnceTheGraceHasPassedThenEveryFullSweepInterval() {
        pages.add(1);
        assertThat(relay.sweepIfDue().block())
                .as("read, not relayed: the relay is not started")
                .isZero();
        assertThat(looks).hasValue(1);

        clock.advance(Duration.ofSeconds(2));
        relay.sweepIfDue().block();
        assertThat(looks).as("within the start's grace").hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        relay.sweepIfDue().block();
        assertThat(looks)
                .as("leads accepted just before the start are older than the grace now")
                .hasValue(2);

        clock.advance(Duration.ofSeconds(59));
        relay.sweepIfDue().block();
        assertThat(looks).hasValue(2);

        clock.advance(Duration.ofSeconds(1));
        relay.sweepIfDue().block();
        assertThat(looks).as("a full-sweep interval after the last look").hasValue(3);
    }

    @Test
    void aFullPageIsFollowedByAnotherLookAtTheNextTickUntilTheBacklogIsDrained() {
        pages.addAll(List.of(PAGE, PAGE, PAGE, 1));
        for (int tick = 0; tick < 4; tick++) {
            relay.sweepIfDue().block();
            clock.advance(Duration.ofSeconds(5));
        }
        assertThat(looks).as("three full pages, then the last one").hasValue(4);

        relay.sweepIfDue().block();
        assertThat(looks).as("drained: back to the full-sweep interval").hasValue(4);
    }

    private static LeadDocument pending(String id) {
        return new LeadDocument(
                id, null, null, null, null, START, null, new LeadOutbox(id, START, LeadOutbox.PENDING, null));
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
