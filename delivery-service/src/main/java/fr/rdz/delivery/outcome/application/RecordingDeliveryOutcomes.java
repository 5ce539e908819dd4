package fr.rdz.delivery.outcome.application;

import fr.rdz.delivery.outcome.domain.ChannelOutcome;
import fr.rdz.delivery.outcome.domain.OutcomePrecedence;
import fr.rdz.events.DeliveryOutcome;
import fr.rdz.events.Envelope;
import fr.rdz.events.OutcomeChannel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Records what the delivery channels report ({@code DeliveryOutcome}: the e-mail of a whole batch
 * from notifier-service, the CRM push of one lead from crm-push-service) on the ledger line of each
 * lead concerned, channel by channel. The outcome that stands is chosen by {@link
 * OutcomePrecedence}, and a line is replaced only by compare-and-set on the standing event id: a
 * redelivered event, an older one arriving late or a failure after a success change nothing.
 * Outcomes never change planning (see {@code BatchDeliveryOutcome}).
 */
@Service
public class RecordingDeliveryOutcomes {

    private static final Logger log = LoggerFactory.getLogger(RecordingDeliveryOutcomes.class);
    private static final int CONCURRENT_LINES = 8;

    private final LedgerOutcomes store;
    private final Clock clock;

    public RecordingDeliveryOutcomes(LedgerOutcomes store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    private enum Applied {
        CHANGED,
        UNCHANGED,
        UNKNOWN
    }

    /** Another writer replaced the line between our read and our write: read again. */
    private static final class Raced extends RuntimeException {
        Raced() {
            super(null, null, false, false);
        }
    }

    public Mono<Void> record(Envelope<DeliveryOutcome> envelope) {
        DeliveryOutcome o = envelope.payload();
        if (o == null || o.batchId() == null || o.channel() == null || o.status() == null) {
            log.warn("Ignored a DeliveryOutcome without batch, channel or status (event {})", envelope.eventId());
            return Mono.empty();
        }
        String runId = o.runId() != null ? o.runId() : runIdOf(o.batchId());
        Instant now = clock.instant();
        ChannelOutcome incoming = ChannelOutcome.of(envelope.eventId().toString(), o, now);
        Mono<List<String>> leadIds = o.leadIds() != null && !o.leadIds().isEmpty()
                ? Mono.just(o.leadIds())
                : store.batchLeadIds(o.batchId()).defaultIfEmpty(List.of());
        return leadIds.flatMapMany(ids -> Flux.fromIterable(ids)
                        .flatMap(
                                leadId -> apply(
                                        LedgerOutcomes.lineId(runId, leadId), o.batchId(), o.channel(), incoming, now),
                                CONCURRENT_LINES))
                .collectList()
                .doOnNext(results -> logResult(envelope, o, results))
                .then();
    }

    private Mono<Applied> apply(
            String lineId, String batchId, OutcomeChannel channel, ChannelOutcome incoming, Instant now) {
        return Mono.defer(() -> store.find(lineId, channel))
                .flatMap(line -> {
                    if (!batchId.equals(line.batchId())) {
                        log.warn(
                                "Ledger line {} belongs to batch {}, not to {}: outcome ignored",
                                lineId,
                                line.batchId(),
                                batchId);
                        return Mono.just(Applied.UNKNOWN);
                    }
                    ChannelOutcome standing = OutcomePrecedence.merge(line.current(), incoming);
                    if (standing == line.current()) {
                        return Mono.just(Applied.UNCHANGED);
                    }
                    String expected =
                            line.current() == null ? null : line.current().eventId();
                    return store.replace(lineId, channel, expected, standing, now)
                            .flatMap(done -> done ? Mono.just(Applied.CHANGED) : Mono.error(new Raced()));
                })
                .retryWhen(Retry.backoff(5, Duration.ofMillis(20)).filter(Raced.class::isInstance))
                .defaultIfEmpty(Applied.UNKNOWN);
    }

    private static void logResult(Envelope<DeliveryOutcome> envelope, DeliveryOutcome o, List<Applied> results) {
        long changed = results.stream().filter(r -> r == Applied.CHANGED).count();
        long unknown = results.stream().filter(r -> r == Applied.UNKNOWN).count();
        if (unknown > 0) {
            log.warn(
                    "Outcome {} {} of batch {} (event {}): {} lead(s) not in the ledger",
                    o.channel(),
                    o.status(),
                    o.batchId(),
                    envelope.eventId(),
                    unknown);
        }
        log.info(
                "Outcome {} {} of batch {} (event {}, attempt {}): {} of {} ledger line(s) changed",
                o.channel(),
                o.status(),
                o.batchId(),
                envelope.eventId(),
                o.attempts(),
                changed,
                results.size());
    }

    /** The standing outcomes of a run's leads: lead id → channel → outcome (leads without any report are absent). */
    public Mono<Map<String, Map<OutcomeChannel, ChannelOutcome>>> ofRun(String runId) {
        return store.ofRun(runId)
                .filter(l -> l.leadId() != null && !l.channels().isEmpty())
                .collect(
                        HashMap::new,
                        (Map<String, Map<OutcomeChannel, ChannelOutcome>> map, LedgerOutcomes.LeadOutcomes l) ->
                                map.put(l.leadId(), new EnumMap<>(l.channels())));
    }

    /** The standing outcomes of some leads of a run (by ledger line id): lead id → channel → outcome. */
    public Mono<Map<String, Map<OutcomeChannel, ChannelOutcome>>> ofLeads(String runId, List<String> leadIds) {
        return store.ofLeads(runId, leadIds)
                .filter(l -> l.leadId() != null && !l.channels().isEmpty())
                .collect(
                        HashMap::new,
                        (Map<String, Map<OutcomeChannel, ChannelOutcome>> map, LedgerOutcomes.LeadOutcomes l) ->
                                map.put(l.leadId(), new EnumMap<>(l.channels())));
    }

    /** A batch id is {@code <run_id>:<commande_id>}. */
    static String runIdOf(String batchId) {
        int colon = batchId.indexOf(':');
        return colon < 0 ? batchId : batchId.substring(0, colon);
    }
}
