package fr.rdz.delivery.run.application;

import fr.rdz.delivery.planning.domain.PlannedBatch;
import fr.rdz.delivery.planning.domain.PlannedDelivery;
import fr.rdz.delivery.pool.application.PoolLeads;
import fr.rdz.events.BatchSummary;
import fr.rdz.events.ClientSnapshot;
import fr.rdz.events.DeliveryPlanned;
import fr.rdz.events.Entity;
import fr.rdz.events.Envelope;
import fr.rdz.events.EventCodec;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadDelivered;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Records a planned run, all keyed by run so that a redone run replaces it: the batches and the outbox of their
 * events (each DeliveryPlanned in parts cut by {@link SplittingBatchEvent}, with the LeadDelivered of the leads each
 * part carries; the RunCompleted on the run; every event id fixed now), the ledger lines and the pool's delivery
 * marks; then the run goes RECORDED if this instance still owns it. Nothing is published here.
 */
final class RecordingPlannedRun {

    private static final Logger log = LoggerFactory.getLogger(RecordingPlannedRun.class);
    static final String PRODUCER = "delivery-service";

    private final PoolLeads pool;
    private final Ledger ledger;
    private final Runs runs;
    private final Batches batches;
    private final Clock clock;
    private final String instanceId;
    private final int batchPartBytes;
    private final SplittingBatchEvent splitting;

    RecordingPlannedRun(
            PoolLeads pool,
            Ledger ledger,
            Runs runs,
            Batches batches,
            Clock clock,
            String instanceId,
            int batchPartBytes,
            int maxRecordBytes) {
        this.pool = pool;
        this.ledger = ledger;
        this.runs = runs;
        this.batches = batches;
        this.clock = clock;
        this.instanceId = instanceId;
        this.batchPartBytes = batchPartBytes;
        this.splitting = new SplittingBatchEvent(batchPartBytes, maxRecordBytes);
    }

    Mono<Void> record(
            String runId,
            Entity entity,
            LocalDate date,
            Instant reference,
            PlanningBatches.Planned planned,
            Map<String, LeadData> leads) {
        Instant now = clock.instant();
        List<StoredBatch> stored = new ArrayList<>();
        List<BatchPart> parts = new ArrayList<>();
        List<LeadDelivered> lines = new ArrayList<>();
        Map<String, String> clientByLead = new LinkedHashMap<>();
        List<BatchSummary> summaries = new ArrayList<>();
        int order = 0;
        for (PlannedBatch b : planned.batches()) {
            String batchId = runId + ":" + b.commandeId();
            ClientSnapshot client = planned.clients().get(b.clientId());
            List<String> deliveredEvents = new ArrayList<>();
            for (PlannedDelivery d : b.leads()) {
                LeadDelivered line = RunEvents.leadDelivered(runId, date, entity, batchId, b, d);
                lines.add(line);
                clientByLead.put(d.leadId(), b.clientId());
                deliveredEvents.add(json(Envelope.of(UUID.randomUUID(), line, PRODUCER, now)));
            }
            List<SplittingBatchEvent.Part> eventParts = List.of();
            if (!b.leads().isEmpty()) {
                DeliveryPlanned event = RunEvents.deliveryPlanned(runId, date, entity, batchId, b, client, leads);
                eventParts = splitting.split(event, PRODUCER, now, UUID::randomUUID);
                int offset = 0;
                for (SplittingBatchEvent.Part part : eventParts) {
                    int size = part.leads().size();
                    parts.add(new BatchPart(
                            batchId,
                            runId,
                            date,
                            part.number(),
                            part.envelopeJson(),
                            List.copyOf(deliveredEvents.subList(offset, offset + size))));
                    offset += size;
                }
                if (eventParts.size() > 1) {
                    log.info(
                            "Run {}: batch {} of {} leads travels in {} parts of at most {} bytes",
                            runId,
                            batchId,
                            b.leads().size(),
                            eventParts.size(),
                            batchPartBytes);
                }
            }
            stored.add(new StoredBatch(
                    batchId,
                    runId,
                    entity,
                    date,
                    order++,
                    b.commandeId(),
                    b.clientId(),
                    client == null ? null : client.name(),
                    b.product().name(),
                    b.leadIds(),
                    new StoredBatch.Figures(
                            b.target(),
                            b.fresh(),
                            b.lb(),
                            b.crossEntity(),
                            b.duplicatesReplaced(),
                            b.isShort(),
                            b.shortReasons()),
                    BatchChannels.of(b, client),
                    b.leads().isEmpty(),
                    eventParts.size(),
                    null,
                    List.of()));
            summaries.add(RunEvents.summary(batchId, b));
        }
        String completed = json(Envelope.of(
                UUID.randomUUID(), RunEvents.runCompleted(runId, entity, date, now, summaries), PRODUCER, now));
        return batches.writeParts(parts)
                .then(batches.write(stored))
                .then(ledger.write(lines))
                .then(pool.recordDeliveries(runId, reference, clientByLead))
                .then(runs.markRecorded(runId, instanceId, now, completed))
                .doOnNext(recorded -> {
                    if (recorded) {
                        log.info(
                                "Run {} recorded: {} batches ({} empty: nothing sent for them), {} leads",
                                runId,
                                stored.size(),
                                stored.stream()
                                        .filter(b -> b.leadIds().isEmpty())
                                        .count(),
                                lines.size());
                    } else {
                        log.warn("Run {} was taken over by another instance before it was recorded", runId);
                    }
                })
                .then();
    }

    private static String json(Envelope<?> envelope) {
        return new String(EventCodec.encode(envelope), StandardCharsets.UTF_8);
    }
}
