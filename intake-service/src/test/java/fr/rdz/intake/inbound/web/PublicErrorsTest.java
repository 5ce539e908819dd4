package fr.rdz.intake.inbound.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import reactor.netty.channel.AbortedException;
import reactor.test.StepVerifier;

/**
 * The catch-all of the public routes: an unexpected failure is a 500 problem, but a client gone
 * before its answer (seen in bench/run-intake.sh as "Unexpected error" after a 200 when wrk
 * stopped) is handed back unanswered.
 */
class PublicErrorsTest {

    private final PublicErrors errors = new PublicErrors();

    @Test
    void anUnexpectedFailureIsAnInternalErrorProblem() {
        StepVerifier.create(errors.unexpected(new IllegalStateException("boom")))
                .assertNext(answer -> {
                    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
                    assertThat(answer.getBody()).isNotNull();
                })
                .expectComplete()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void aClientGoneBeforeItsAnswerIsNotAnswered() {
        AbortedException gone = new AbortedException("Connection has been closed BEFORE send operation");

        StepVerifier.create(errors.unexpected(gone))
                .expectErrorMatches(e -> e == gone)
                .verify(Duration.ofSeconds(5));
    }
}
