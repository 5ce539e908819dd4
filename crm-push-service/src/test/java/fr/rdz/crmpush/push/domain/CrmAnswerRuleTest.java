package fr.rdz.crmpush.push.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CrmAnswerRuleTest {

    @Test
    void mapsAnswersExactlyAsTheSeed() {
        assertThat(CrmAnswerRule.verdict(201, "{}")).isEqualTo(PushVerdict.SUCCESS);
        assertThat(CrmAnswerRule.verdict(200, "{\"message\": \"DOUBLON détecté\"}"))
                .isEqualTo(PushVerdict.DUPLICATE);
        assertThat(CrmAnswerRule.verdict(200, "{\"message\": \"ok\"}")).isEqualTo(PushVerdict.FAILED);
        assertThat(CrmAnswerRule.verdict(400, "bad")).isEqualTo(PushVerdict.VALIDATION_ERROR);
        assertThat(CrmAnswerRule.verdict(403, "denied")).isEqualTo(PushVerdict.AUTH_ERROR);
        assertThat(CrmAnswerRule.verdict(500, "")).isEqualTo(PushVerdict.RETRY);
        assertThat(CrmAnswerRule.verdict(503, "")).isEqualTo(PushVerdict.RETRY);
        assertThat(CrmAnswerRule.verdict(404, "")).isEqualTo(PushVerdict.FAILED);
        assertThat(CrmAnswerRule.verdict(401, "")).isEqualTo(PushVerdict.FAILED);
        assertThat(CrmAnswerRule.verdict(302, "")).isEqualTo(PushVerdict.FAILED);
    }

    @Test
    void onlyRetriesAreNotFinal() {
        assertThat(PushVerdict.RETRY.isFinal()).isFalse();
        assertThat(PushVerdict.SUCCESS.isFinal()).isTrue();
        assertThat(PushVerdict.DUPLICATE.isFinal()).isTrue();
        assertThat(PushVerdict.FAILED.isFinal()).isTrue();
        assertThat(PushStatus.DEAD_LETTERED.isFinal()).isFalse();
    }

    @Test
    void keepsTheReasonShort() {
        assertThat(CrmAnswerRule.reason(400, "x".repeat(500)))
                .hasSizeLessThan(220)
                .startsWith("HTTP 400: ");
        assertThat(CrmAnswerRule.reason(502, "")).isEqualTo("HTTP 502");
    }

    @Test
    void theSeedScheduleHasSixAttempts() {
        RetrySchedule schedule = new RetrySchedule(RetrySchedule.SEED_DELAYS);
        assertThat(schedule.maxAttempts()).isEqualTo(6);
        assertThat(schedule.isLast(5)).isFalse();
        assertThat(schedule.isLast(6)).isTrue();
    }
}
