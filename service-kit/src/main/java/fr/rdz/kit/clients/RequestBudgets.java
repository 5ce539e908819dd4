package fr.rdz.kit.clients;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * The per-client rate limit of the public routes: at most {@code limit} requests per {@code period}
 * from one client key ({@link RateLimitKey}, made by {@link ClientAddressRule} from a parsed address,
 * never header text), in a fixed window each. The budgets live in a bounded cache: at most
 * {@code maxTrackedClients} entries (≤ 40 characters of key and a window each, about 200 bytes), the
 * least used forgotten first and every entry one period after its last request (a forgotten client
 * starts a fresh window, exactly as it would one period later). Shared by intake's and routing's
 * public-route filters.
 */
public final class RequestBudgets {

    private final int limit;
    private final long periodNanos;
    private final String retryAfterSeconds;
    private final Cache<String, Window> windows;

    public RequestBudgets(int limit, Duration period, long maxTrackedClients) {
        this.limit = limit;
        this.periodNanos = period.toNanos();
        this.retryAfterSeconds = String.valueOf(Math.max(1, (period.toMillis() + 999) / 1000));
        this.windows = Caffeine.newBuilder()
                .maximumSize(maxTrackedClients)
                .expireAfterAccess(period)
                .build();
    }

    /** Takes one request from the client's budget: false when the budget of the current window is spent. */
    public boolean take(String client) {
        long now = System.nanoTime();
        return windows.get(client, key -> new Window(now)).take(now, periodNanos, limit);
    }

    /** The {@code Retry-After} value of a refusal: the period in whole seconds, at least 1. */
    public String retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** How many clients' budgets are remembered now (after pending evictions). */
    public long trackedClients() {
        windows.cleanUp();
        return windows.estimatedSize();
    }

    /** One client's fixed window: when it started and how many requests it took. */
    private static final class Window {

        private long start;
        private int used;

        Window(long start) {
            this.start = start;
        }

        synchronized boolean take(long now, long period, int limit) {
            if (now - start >= period) {
                start = now;
                used = 0;
            }
            if (used >= limit) {
                return false;
            }
            used++;
            return true;
        }
    }
}
