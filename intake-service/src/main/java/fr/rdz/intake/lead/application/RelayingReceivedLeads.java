package fr.rdz.intake.lead.application;

import fr.rdz.events.Envelope;
import fr.rdz.events.LeadReceived;
import fr.rdz.events.Pii;
import fr.rdz.intake.config.IntakeProperties;
import fr.rdz.kit.logging.CorrelationScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The outbox relay: publishes the {@code LeadReceived} of every stored lead whose outbox is
 * pending, and marks it published only after the broker acknowledged it.
 *
 * <ul>
 *   <li>right after the insert ({@link #relay}), off the request thread: the HTTP answer never waits on Kafka;
 *   <li>periodically, a sweep of the outbox collection ({@code lead_outbox}: only leads still to
 *       publish, never the whole {@code leads} collection) for leads still pending (Kafka was
 *       down, the process crashed between insert and send, an acknowledgement was lost);
 *   <li>acknowledged leads are marked published in batches (one Mongo write per batch), then their
 *       outbox entries deleted.
 * </ul>
 *
 * The same event id is sent on every retry; a lead may be published more than once (crash after
 * the ack, before the mark), never zero times. Consumers deduplicate by {@code event_id}.
 */
@Service
public class RelayingReceivedLeads implements SmartLifecycle {

    public static final String PRODUCER = "intake-service";
    private static final Logger log = LoggerFactory.getLogger(RelayingReceivedLeads.class);
    /** Most leads marked published by one write. */
    private static final int MARKS_PER_WRITE = 1000;

    private final ReceivedLeads store;
    private final LeadReceivedEvents publisher;
    private final Clock clock;
    private final IntakeProperties.Outbox settings;
    /** Leads sent and not yet marked published (or failed): never sent twice at once. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    private final RelayEngine<StoredLead, String> engine;
    private final AtomicLong failures = new AtomicLong();
    private volatile long failuresAtLastSweep;
    /** When the next look into Mongo is due without a new send failure; null until the first. */
    private volatile Instant nextSweep;

    public RelayingReceivedLeads(
            ReceivedLeads store, LeadReceivedEvents publisher, Clock clock, IntakeProperties properties) {
        this.store = store;
        this.publisher = publisher;
        this.clock = clock;
        this.settings = properties.outbox();
        this.engine = new RelayEngine<>(
                "lead-relay",
                new RelayEngine.Timing(
                        settings.markInterval(), MARKS_PER_WRITE, settings.sweepInterval(), Duration.ofSeconds(5)),
                new RelayEngine.Relay<>() {
                    @Override
                    public void send(StoredLead lead) {
                        RelayingReceivedLeads.this.send(lead);
                    }

                    @Override
                    public Mono<Void> mark(List<String> acknowledged) {
                        return markPublished(acknowledged);
                    }

                    @Override
                    public Mono<Long> beforeSweeps() {
                        return adoptLegacyPending();
                    }

                    @Override
                    public Mono<Integer> sweep() {
                        return sweepIfDue().onErrorResume(e -> {
                            log.warn("Outbox sweep failed: {}", e.toString());
                            return Mono.empty();
                        });
                    }
                },
                Schedulers.parallel());
    }

    /**
     * Publishes a freshly stored lead as soon as possible; returns at once (the send is the relay
     * thread's, see {@link RelayEngine}). Returns whether the lead was taken (false: not pending,
     * already on its way, or relay stopped).
     */
    public boolean relay(StoredLead lead) {
        if (!engine.isRunning() || lead.outbox() == null || !lead.outbox().isPending() || !inFlight.add(lead.id())) {
            return false;
        }
        if (!engine.hand(lead)) {
            inFlight.remove(lead.id());
            return false;
        }
        return true;
    }

    /**
     * A sweep looks into Mongo when this instance saw a send fail since the last look, when the
     * last look read a full page (a backlog after a crash or an outage drains page after page, one
     * per {@code sweep-interval}), shortly after the start (the first look skips what arrived less
     * than {@code sweep-grace} before it), and otherwise every {@code full-sweep-interval} (leads
     * left pending by a crash, by another instance, by a lost acknowledgement).
     */
    Mono<Integer> sweepIfDue() {
        long failed = failures.get();
        Instant now = clock.instant();
        Instant due = nextSweep;
        if (failed == failuresAtLastSweep && due != null && now.isBefore(due)) {
            return Mono.just(0);
        }
        failuresAtLastSweep = failed;
        return sweepPage().map(page -> {
            nextSweep = page.read() >= settings.sweepBatch()
                    ? now
                    : now.plus(due == null ? settings.sweepGrace() : settings.fullSweepInterval());
            return page.relayed();
        });
    }

    /** One sweep: relays every lead still pending publication and not already on its way. */
    public Mono<Integer> sweep() {
        return sweepPage().map(SweepPage::relayed);
    }

    /** What one sweep read (at most {@code sweep-batch}) and how many of those it relayed. */
    private record SweepPage(int read, int relayed) {}

    private Mono<SweepPage> sweepPage() {
        return store.pendingPublication(clock.instant().minus(settings.sweepGrace()), settings.sweepBatch())
                .reduce(
                        new SweepPage(0, 0),
                        (page, lead) -> new SweepPage(page.read() + 1, page.relayed() + (relay(lead) ? 1 : 0)))
                .doOnNext(page -> {
                    if (page.relayed() > 0) {
                        log.info(
                                "Outbox sweep: {} stored lead(s) still to publish relayed ({} send failure(s) so far)",
                                page.relayed(),
                                failures.get());
                    }
                });
    }

    static Envelope<LeadReceived> envelope(StoredLead lead) {
        return Envelope.of(
                UUID.fromString(lead.outbox().eventId()),
                lead.received(),
                PRODUCER,
                lead.outbox().occurredAt());
    }

    private void send(StoredLead lead) {
        CompletableFuture<?> ack;
        try {
            ack = publisher.publish(envelope(lead));
        } catch (RuntimeException e) {
            ack = CompletableFuture.failedFuture(e);
        }
        ack.whenComplete((result, error) -> {
            if (error == null) {
                engine.acknowledged(lead.id());
            } else {
                inFlight.remove(lead.id());
                failures.incrementAndGet();
                // on the producer's thread: no consumed event put the lead's id in its MDC
                try (CorrelationScope ids = CorrelationScope.ofLead(lead.id())) {
                    log.debug(
                            "LeadReceived of lead {} (phone {}) not acknowledged, left to the sweep: {}",
                            lead.id(),
                            Pii.maskPhone(lead.phone()),
                            error.toString());
                }
            }
        });
    }

    /** Marks acknowledged leads published; a lead whose mark fails is sent again by a later sweep. */
    private Mono<Void> markPublished(List<String> ids) {
        return store.markPublished(ids, clock.instant())
                .doOnError(e ->
                        log.warn("Could not mark {} lead(s) published, the sweep will send them again", ids.size()))
                .onErrorResume(e -> Mono.empty())
                .doFinally(signal -> ids.forEach(inFlight::remove))
                .then();
    }

    /** Leads left pending by a version without the outbox collection get their entry, once. */
    private Mono<Long> adoptLegacyPending() {
        return store.adoptLegacyPending()
                .doOnNext(n -> {
                    if (n > 0) {
                        log.info("Outbox: {} pending lead(s) of an earlier version queued", n);
                    }
                })
                .onErrorResume(e -> {
                    log.warn("Outbox: pending leads of an earlier version not queued yet: {}", e.toString());
                    return Mono.empty();
                });
    }

    @Override
    public void start() {
        engine.start();
    }

    @Override
    public void stop() {
        try {
            engine.stop();
        } catch (RuntimeException e) {
            log.warn("Last outbox marks not written; those leads will be published again: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return engine.isRunning();
    }

    /**
     * Starts after the Kafka producer factory (phase {@code Integer.MIN_VALUE}) and before the web
     * server (Boot's {@code DEFAULT_PHASE - 2048}); stops after the web server's graceful shutdown,
     * so that every lead accepted while the server listens is relayed at once, none left to a sweep.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
