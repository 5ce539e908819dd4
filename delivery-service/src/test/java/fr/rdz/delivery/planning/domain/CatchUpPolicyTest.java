package fr.rdz.delivery.planning.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CatchUpPolicyTest {

    @Test
    void beforeNineThirtyParisNothingIsCaughtUp() {
        assertThat(CatchUpPolicy.dateToCatchUp(Instant.parse("2026-11-20T08:29:59Z")))
                .isEmpty();
    }

    @Test
    void afterNineThirtyParisTodaysRunIsCaughtUp() {
        assertThat(CatchUpPolicy.dateToCatchUp(Instant.parse("2026-11-20T08:30:00Z")))
                .contains(LocalDate.of(2026, 11, 20));
    }

    @Test
    void summerTimeIsHonoured() {
        assertThat(CatchUpPolicy.dateToCatchUp(Instant.parse("2026-07-01T07:29:00Z")))
                .isEmpty();
        assertThat(CatchUpPolicy.dateToCatchUp(Instant.parse("2026-07-01T07:31:00Z")))
                .contains(LocalDate.of(2026, 7, 1));
    }
}
