package fr.rdz.notifier.email.domain;

import static fr.rdz.notifier.email.domain.OncePerBatchRule.Decision.PUBLISH_MISSING_OUTCOME;
import static fr.rdz.notifier.email.domain.OncePerBatchRule.Decision.RESEND_AFTER_LOST_ATTEMPT;
import static fr.rdz.notifier.email.domain.OncePerBatchRule.Decision.SEND;
import static fr.rdz.notifier.email.domain.OncePerBatchRule.Decision.SKIP_ALREADY_SENT;
import static fr.rdz.notifier.email.domain.OncePerBatchRule.Decision.WAIT_IN_PROGRESS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OncePerBatchRuleTest {

    static final Instant NOW = Instant.parse("2026-11-20T08:31:00Z");

    @Test
    void sendsABatchNeverSeen() {
        assertThat(OncePerBatchRule.decide(null, NOW)).isEqualTo(SEND);
    }

    @Test
    void neverSendsASentBatchAgain() {
        assertThat(OncePerBatchRule.decide(record(SentMailState.SENT, null, true), NOW))
                .isEqualTo(SKIP_ALREADY_SENT);
        assertThat(OncePerBatchRule.decide(record(SentMailState.SENT, null, false), NOW))
                .isEqualTo(PUBLISH_MISSING_OUTCOME);
    }

    @Test
    void sendsAgainAfterAFailedAttempt() {
        assertThat(OncePerBatchRule.decide(record(SentMailState.FAILED, null, false), NOW))
                .isEqualTo(SEND);
    }

    @Test
    void waitsWhileAnotherAttemptHoldsTheLease() {
        assertThat(OncePerBatchRule.decide(record(SentMailState.SENDING, NOW.plusSeconds(1), false), NOW))
                .isEqualTo(WAIT_IN_PROGRESS);
    }

    @Test
    void takesOverWhenTheAttemptDiedWhileSending() {
        assertThat(OncePerBatchRule.decide(record(SentMailState.SENDING, NOW, false), NOW))
                .isEqualTo(RESEND_AFTER_LOST_ATTEMPT);
    }

    static SentMail record(SentMailState state, Instant leaseUntil, boolean outcomePublished) {
        return new SentMail("b-1", state, 1, leaseUntil, null, UUID.randomUUID(), outcomePublished, false);
    }
}
