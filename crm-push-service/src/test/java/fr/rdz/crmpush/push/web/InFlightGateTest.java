package fr.rdz.crmpush.push.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class InFlightGateTest {

    private final Bulkhead bulkhead = Bulkhead.of(
            "host",
            BulkheadConfig.custom()
                    .maxConcurrentCalls(2)
                    .maxWaitDuration(Duration.ZERO)
                    .build());

    @Test
    void neverHasMoreCallsInFlightThanTheBulkheadAllowsAndLetsTheOthersWait() {
        InFlightGate gate = new InFlightGate(bulkhead, Duration.ofSeconds(5));
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger highest = new AtomicInteger();
        Mono<Integer> call = Mono.defer(() -> {
                    highest.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    return Mono.delay(Duration.ofMillis(20)).thenReturn(1);
                })
                .doOnTerminate(inFlight::decrementAndGet);

        List<Integer> results = Flux.range(0, 20)
                .flatMap(i -> gate.run(() -> call))
                .collectList()
                .block(Duration.ofSeconds(10));

        assertThat(results).hasSize(20);
        assertThat(highest.get()).isEqualTo(2);
        assertThat(bulkhead.getMetrics().getAvailableConcurrentCalls()).isEqualTo(2);
        assertThat(gate.waiting()).isZero();
    }

    @Test
    void aCallThatWaitsTooLongFailsWithBulkheadFullAndLeaksNoPermit() {
        InFlightGate gate = new InFlightGate(bulkhead, Duration.ofMillis(50));
        Sinks.Empty<Void> never = Sinks.empty();
        gate.run(() -> never.asMono()).subscribe();
        gate.run(() -> never.asMono()).subscribe();

        StepVerifier.create(gate.run(() -> Mono.just(1)))
                .expectError(BulkheadFullException.class)
                .verify(Duration.ofSeconds(5));

        never.tryEmitEmpty();
        assertThat(bulkhead.getMetrics().getAvailableConcurrentCalls()).isEqualTo(2);
        StepVerifier.create(gate.run(() -> Mono.just(1))).expectNext(1).verifyComplete();
    }
}
