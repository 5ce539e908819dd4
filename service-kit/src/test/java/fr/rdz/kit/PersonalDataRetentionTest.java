package fr.rdz.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PersonalDataRetentionTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-21T02:00:00Z"), ZoneOffset.UTC);

    @Test
    void threeYearsByDefaultCountedOnTheParisCalendar() {
        PersonalDataRetention retention = new PersonalDataRetention(PersonalDataRetention.DEFAULT_LIMIT);

        // 03:00 in Paris on 2026-11-21 (winter time) → 03:00 in Paris on 2023-11-21
        assertThat(retention.expiredBefore(NOW)).isEqualTo(Instant.parse("2023-11-21T02:00:00Z"));
    }

    @Test
    void aLeadReceivedExactlyAtTheLimitIsKeptOneReceivedBeforeIsExpired() {
        PersonalDataRetention retention = new PersonalDataRetention(Period.ofYears(3));
        Instant limit = retention.expiredBefore(NOW);

        assertThat(retention.isExpired(limit, NOW)).isFalse();
        assertThat(retention.isExpired(limit.minusMillis(1), NOW)).isTrue();
        assertThat(retention.isExpired(limit.plusSeconds(86_400), NOW)).isFalse();
        assertThat(retention.isExpired(null, NOW)).isFalse();
    }

    @Test
    void summerTimeOnOneSideOfThePeriodKeepsTheParisWallClock() {
        PersonalDataRetention retention = new PersonalDataRetention(Period.ofMonths(6));
        Clock winter = Clock.fixed(Instant.parse("2026-01-15T09:30:00Z"), ZoneOffset.UTC); // 10:30 Paris (UTC+1)

        // 10:30 Paris on 2025-07-15 is 08:30 UTC (UTC+2)
        assertThat(retention.expiredBefore(winter)).isEqualTo(Instant.parse("2025-07-15T08:30:00Z"));
    }

    @Test
    void refusesALimitThatIsNotPositive() {
        assertThatThrownBy(() -> new PersonalDataRetention(Period.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PersonalDataRetention(Period.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
