package fr.rdz.crmpush.push.config;

import java.time.Duration;
import java.util.List;
import org.springframework.retry.RetryContext;
import org.springframework.retry.backoff.BackOffContext;
import org.springframework.retry.backoff.BackOffInterruptedException;
import org.springframework.retry.backoff.Sleeper;
import org.springframework.retry.backoff.SleepingBackOffPolicy;
import org.springframework.retry.backoff.ThreadWaitSleeper;

/** The retry topics' delays as an explicit list (the seed's 1 min, 5 min, 15 min, 1 h, 2 h are not a geometric series). */
final class ListedBackOffPolicy implements SleepingBackOffPolicy<ListedBackOffPolicy> {

    private final List<Duration> delays;
    private final Sleeper sleeper;

    ListedBackOffPolicy(List<Duration> delays) {
        this(delays, new ThreadWaitSleeper());
    }

    private ListedBackOffPolicy(List<Duration> delays, Sleeper sleeper) {
        this.delays = List.copyOf(delays);
        this.sleeper = sleeper;
    }

    @Override
    public ListedBackOffPolicy withSleeper(Sleeper sleeper) {
        return new ListedBackOffPolicy(delays, sleeper);
    }

    @Override
    public BackOffContext start(RetryContext context) {
        return new Position();
    }

    @Override
    public void backOff(BackOffContext context) throws BackOffInterruptedException {
        Position position = (Position) context;
        Duration delay = delays.get(Math.min(position.next++, delays.size() - 1));
        try {
            sleeper.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackOffInterruptedException("Interrupted", e);
        }
    }

    private static final class Position implements BackOffContext {
        int next;
    }
}
