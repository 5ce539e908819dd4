package fr.rdz.crmpush.push.domain;

import java.time.Duration;
import java.util.List;

/**
 * When a failed push is tried again: after each delay in turn (seed: 1 min, 5 min, 15 min, 1 h, 2 h), then the
 * dead-letter topic. Attempts = 1 + number of delays.
 */
public record RetrySchedule(List<Duration> delays) {

    public static final List<Duration> SEED_DELAYS = List.of(
            Duration.ofMinutes(1),
            Duration.ofMinutes(5),
            Duration.ofMinutes(15),
            Duration.ofHours(1),
            Duration.ofHours(2));

    public RetrySchedule {
        if (delays == null || delays.isEmpty()) {
            throw new IllegalArgumentException("At least one retry delay is needed");
        }
        delays = List.copyOf(delays);
    }

    public int maxAttempts() {
        return delays.size() + 1;
    }

    /** Whether attempt {@code n} (1-based, within one pass through the topics) is the last before the DLT. */
    public boolean isLast(int attempt) {
        return attempt >= maxAttempts();
    }
}
