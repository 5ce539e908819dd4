package fr.rdz.intake.lead.application;

import fr.rdz.events.Envelope;
import fr.rdz.events.LeadReceived;
import fr.rdz.events.Pii;
import fr.rdz.intake.config.IntakeProperties;
import fr.rdz.kit.logging.CorrelationScope;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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

    private final ReceivedLeads store;
    private final LeadReceivedEvents publisher;
    private final Clock clock;
    private final IntakeProperties.Outbox settings;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
    private final Queue<StoredLead> toSend = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicLong failures = new AtomicLong();
    private volatile long failuresAtLastSweep;
    /** When the next look into Mongo is due without a new send failure; null until the first. */
    private volatile java.time.Instant nextSweep;

    private ExecutorService sender;
    private Disposable marking;
    private Disposable sweeping;
    private volatile boolean running;

    public RelayingReceivedLeads(
            ReceivedLeads store, LeadReceivedEvents publisher, Clock clock, IntakeProperties properties) {
        this.store = store;
        this.publisher = publisher;
        this.clock = clock;
        this.settings = properties.outbox();
    }

    /**
     * Publishes a freshly stored lead as soon as possible; returns at once. Leads queue for the
     * relay thread, which is woken only when it is idle (one hand-off per burst, not per lead).
     * Returns whether the lead was taken (false: not pending, already on its way, or relay stopped).
     */
    public boolean relay(StoredLead lead) {
        if (!running || lead.outbox() == null || !lead.outbox().isPending() || !inFlight.add(lead.id())) {
            return false;
        }
        toSend.add(lead);
        if (draining.compareAndSet(false, true)) {
            sender.execute(this::drain);
        }
        return true;
    }

    private void drain() {
        do {
            StoredLead lead;
            while ((lead = toSend.poll()) != null) {
                send(lead);
            }
            draining.set(false);
        } while (!toSend.isEmpty() && draining.compareAndSet(false, true));
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
        java.time.Instant now = clock.instant();
        java.time.Instant due = nextSweep;
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
                acknowledged.add(lead.id());
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

    private Mono<Void> markAcknowledged() {
        List<String> ids = new ArrayList<>();
        String id;
        while (ids.size() < 1000 && (id = acknowledged.poll()) != null) {
            ids.add(id);
        }
        if (ids.isEmpty()) {
            return Mono.empty();
        }
        return store.markPublished(ids, clock.instant())
                .doOnError(e ->
                        log.warn("Could not mark {} lead(s) published, the sweep will send them again", ids.size()))
                .onErrorResume(e -> Mono.empty())
                .doFinally(signal -> ids.forEach(inFlight::remove))
                .then();
    }

    @Override
    public void start() {
        sender = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "lead-relay");
            t.setDaemon(true);
            return t;
        });
        running = true;
        marking = Flux.interval(settings.markInterval())
                .onBackpressureDrop()
                .concatMap(tick -> markAcknowledged(), 1)
                .subscribe();
        // leads left pending by a version without the outbox collection get their entry once
        Mono<Long> adopted = store.adoptLegacyPending()
                .doOnNext(n -> {
                    if (n > 0) {
                        log.info("Outbox: {} pending lead(s) of an earlier version queued", n);
                    }
                })
                .onErrorResume(e -> {
                    log.warn("Outbox: pending leads of an earlier version not queued yet: {}", e.toString());
                    return Mono.empty();
                });
        sweeping = adopted.thenMany(Flux.interval(Duration.ZERO, settings.sweepInterval()))
                .onBackpressureDrop()
                .concatMap(
                        tick -> sweepIfDue().onErrorResume(e -> {
                            log.warn("Outbox sweep failed: {}", e.toString());
                            return Mono.empty();
                        }),
                        1)
                .subscribe();
    }

    @Override
    public void stop() {
        running = false;
        sweeping.dispose();
        marking.dispose();
        sender.shutdown();
        try {
            sender.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
            markAcknowledged().block(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Last outbox marks not written; those leads will be published again: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
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
