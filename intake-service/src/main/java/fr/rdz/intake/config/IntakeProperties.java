package fr.rdz.intake.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * intake-service settings ({@code rdz.intake.*}).
 *
 * @param maxBody largest accepted public body (413 above)
 * @param quarantineMaxBody how much of a refused body the quarantine keeps
 * @param trustedProxies addresses or CIDR blocks of the reverse proxies whose {@code Forwarded} /
 *     {@code X-Forwarded-For} headers are believed (none by default: the client is the TCP peer)
 * @param corsAllowedOrigins origins of the landing pages allowed to call {@code /public/**}; never {@code *}
 * @param rateLimit per-IP limit on {@code /public/**}
 * @param outbox relay of stored leads to Kafka
 * @param groupCommit batching of concurrent lead and guard inserts
 * @param sessionCache in-memory copy of the sessions this instance opened or filled
 * @param publicDeadline longest a public request waits on storage once its body is read: past it,
 *     {@code 503} (as when MongoDB is unreachable)
 * @param storage MongoDB driver time limits, so that an unreachable database fails fast
 */
@ConfigurationProperties("rdz.intake")
public record IntakeProperties(
        @DefaultValue("64KB") DataSize maxBody,
        @DefaultValue("8KB") DataSize quarantineMaxBody,
        @DefaultValue("50MB") DataSize maxImport,
        @DefaultValue List<String> trustedProxies,
        @DefaultValue List<String> corsAllowedOrigins,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue Outbox outbox,
        @DefaultValue GroupCommit groupCommit,
        @DefaultValue SessionCache sessionCache,
        @DefaultValue("5s") Duration publicDeadline,
        @DefaultValue Storage storage) {

    /**
     * @param serverSelectionTimeout how long an operation waits for a reachable server (driver default 30 s)
     * @param connectTimeout TCP connect and handshake (driver default 10 s)
     * @param readTimeout a socket read: a server that accepted and went silent (driver default: none)
     * @param poolWait how long an operation waits for a pooled connection (driver default 2 min)
     */
    public record Storage(
            @DefaultValue("3s") Duration serverSelectionTimeout,
            @DefaultValue("3s") Duration connectTimeout,
            @DefaultValue("30s") Duration readTimeout,
            @DefaultValue("3s") Duration poolWait) {}

    /**
     * @param enabled off: every insert is its own write
     * @param maxBatch documents per batched write (flushed as soon as this many wait)
     * @param maxDelay longest wait of a document for its batch
     * @param capacity documents waiting or in flight per collection beyond which an insert is written alone
     */
    public record GroupCommit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("64") int maxBatch,
            @DefaultValue("2ms") Duration maxDelay,
            @DefaultValue("4096") int capacity) {}

    /**
     * @param maxSessions sessions kept (least recently used dropped); 0 disables the cache
     * @param ttl how long a cached session is trusted (another instance may fill its attribution)
     */
    public record SessionCache(@DefaultValue("20000") int maxSessions, @DefaultValue("30m") Duration ttl) {}

    /**
     * @param requestsPerPeriod requests one client (IPv4 address, IPv6 /64) may make per period
     * @param period refill period
     * @param maxTrackedClients clients whose budget is remembered at once (least used forgotten first);
     *     a client's budget is also forgotten one period after its last request
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("20") int requestsPerPeriod,
            @DefaultValue("1s") Duration period,
            @DefaultValue("50000") int maxTrackedClients) {}

    /**
     * @param sweepInterval how often the relay checks whether a sweep is due (after a failed send)
     * @param fullSweepInterval how often Mongo is swept anyway (crash recovery, other instances)
     * @param sweepGrace age under which a pending lead is left to the immediate relay
     * @param sweepBatch leads taken per sweep
     * @param markInterval how often broker-acknowledged leads are marked published (one write per batch)
     * @param orphanGrace how long an outbox entry whose lead was never written (the request failed
     *     after the entry, before the lead) is kept in case that write still lands, before it is dropped
     */
    public record Outbox(
            @DefaultValue("5s") Duration sweepInterval,
            @DefaultValue("1m") Duration fullSweepInterval,
            @DefaultValue("3s") Duration sweepGrace,
            @DefaultValue("500") int sweepBatch,
            @DefaultValue("50ms") Duration markInterval,
            @DefaultValue("1h") Duration orphanGrace) {

        @ConstructorBinding
        public Outbox {}

        /** The settings with the default {@code orphan-grace} (1 h). */
        public Outbox(
                Duration sweepInterval,
                Duration fullSweepInterval,
                Duration sweepGrace,
                int sweepBatch,
                Duration markInterval) {
            this(sweepInterval, fullSweepInterval, sweepGrace, sweepBatch, markInterval, Duration.ofHours(1));
        }
    }
}
