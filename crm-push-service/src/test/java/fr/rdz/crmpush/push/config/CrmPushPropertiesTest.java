package fr.rdz.crmpush.push.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrmPushPropertiesTest {

    @Test
    void refusesALeaseThatAPushStillWaitingForASlotAndInFlightCouldOutlive() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties(Duration.ofMinutes(2), Duration.ofMinutes(2), Duration.ofSeconds(35)))
                .withMessageContaining("rdz.crm-push.lease");
    }

    @Test
    void acceptsALeaseLongerThanTheWaitPlusTheCall() {
        assertThatCode(() -> properties(Duration.ofMinutes(3), Duration.ofMinutes(2), Duration.ofSeconds(35)))
                .doesNotThrowAnyException();
    }

    private static CrmPushProperties properties(Duration lease, Duration maxQueueWait, Duration responseTimeout) {
        return new CrmPushProperties(
                "rdz.crm-push.tasks.v1",
                6,
                (short) 1,
                1,
                List.of(Duration.ofMinutes(1)),
                lease,
                maxQueueWait,
                Duration.ofSeconds(5),
                responseTimeout,
                500,
                Duration.ofSeconds(1),
                Duration.ofMinutes(1),
                Duration.ofMinutes(10));
    }
}
