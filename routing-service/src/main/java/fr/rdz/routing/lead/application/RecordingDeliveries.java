package fr.rdz.routing.lead.application;

import fr.rdz.events.BatchSummary;
import fr.rdz.events.DeliveryOutcome;
import fr.rdz.events.Envelope;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadDelivered;
import fr.rdz.events.LeadKind;
import fr.rdz.events.OutcomeChannel;
import fr.rdz.events.RunCompleted;
import fr.rdz.routing.shared.domain.BusinessTime;
import fr.rdz.routing.stats.application.Figures;
import fr.rdz.routing.stats.domain.Figure;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What happened to leads after routing, as delivery and the channels report it: the delivery
 * ledger the duplicate rule reads, each lead's history (delivered, sent/pushed/failed), the
 * dashboard figures and the runs (so a lead's detail can tell why it was not delivered). Every write is keyed by the fact or guarded by the event id, so a redelivered
 * event changes nothing.
 */
@Service
public class RecordingDeliveries {

    private final SettlingLeadFacts<?> facts;
    private final LeadRecords records;
    private final DailyRuns runs;
    private final Figures figures;

    public RecordingDeliveries(LeadFacts<?> facts, LeadRecords records, DailyRuns runs, Figures figures) {
        this.facts = SettlingLeadFacts.of(facts);
        this.records = records;
        this.runs = runs;
        this.figures = figures;
    }

    public Mono<Void> delivered(Envelope<LeadDelivered> envelope) {
        LeadDelivered d = envelope.payload();
        return facts.delivered(envelope)
                .then(records.byId(d.leadId()).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
                .flatMap(lead -> figures.record(deliveredFigure(d, lead.orElse(null))));
    }

    /**
     * Copies the ledger lines and channel reports of a lead that arrived before its routing record
     * (or whose copy was interrupted) into the record (history, deliveries, status), each once.
     * Called when the lead is routed: events of two topics arrive in any order, and whichever comes
     * last completes the record. Reads only the pending facts, never the whole ledger.
     */
    public Mono<Void> applyLedger(String leadId) {
        return facts.copyPending(leadId);
    }

    public Mono<Void> outcome(Envelope<DeliveryOutcome> envelope) {
        DeliveryOutcome o = envelope.payload();
        String eventId = envelope.eventId().toString();
        String type =
                switch (o.status()) {
                    case SENT -> "sent";
                    case SUCCESS -> "pushed";
                    case DUPLICATE -> "duplicate";
                    case RETRYING -> "retrying";
                    default -> "failed";
                };
        Mono<Void> history = Flux.fromIterable(o.leadIds() == null ? java.util.List.<String>of() : o.leadIds())
                .concatMap(id -> facts.reported(eventId, type, o, id))
                .then();
        return history.then(figures.record(outcomeFigure(eventId, o)));
    }

    public Mono<Void> runCompleted(Envelope<RunCompleted> envelope) {
        RunCompleted run = envelope.payload();
        return Flux.fromIterable(run.batches() == null ? java.util.List.<BatchSummary>of() : run.batches())
                .concatMap(b -> {
                    Map<String, Integer> counts = new HashMap<>();
                    counts.put(Figure.DUPLICATES_REPLACED, b.duplicatesReplaced());
                    counts.put(Figure.COMMANDES_SHORT, b.shortOfTarget() ? 1 : 0);
                    counts.put(Figure.BATCH_TARGET, b.target());
                    counts.put(Figure.BATCHES, 1);
                    return figures.record(new Figure(
                            "batch:" + b.batchId(),
                            run.runDate().toString(),
                            run.entity(),
                            b.product(),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            b.clientId(),
                            b.commandeId(),
                            counts));
                })
                .then(runs.record(run));
    }

    static Figure deliveredFigure(LeadDelivered d, StoredLead doc) {
        LeadData lead = doc == null ? null : doc.lead();
        Map<String, Integer> counts = new HashMap<>();
        counts.put(Figure.DELIVERED, 1);
        counts.put(d.kind() == LeadKind.LB ? Figure.DELIVERED_LB : Figure.DELIVERED_FRESH, 1);
        if (d.crossEntity()) {
            counts.put(Figure.DELIVERED_CROSS_ENTITY, 1);
        }
        String day = d.runDate() != null
                ? d.runDate().toString()
                : BusinessTime.dayOf(d.deliveredAt()).toString();
        return new Figure(
                "delivered:" + d.leadId() + ":" + d.clientId() + ":" + d.batchId(),
                day,
                d.entity(),
                d.product(),
                lead == null ? null : lead.departement(),
                lead == null || lead.source() == null ? null : lead.source().formCode(),
                lead == null || lead.source() == null ? null : lead.source().lpCode(),
                lead == null || lead.source() == null ? null : lead.source().utmSource(),
                lead == null || lead.source() == null ? null : lead.source().utmCampaign(),
                doc == null ? null : doc.qualityTier(),
                d.clientId(),
                d.commandeId(),
                counts);
    }

    static Figure outcomeFigure(String eventId, DeliveryOutcome o) {
        Map<String, Integer> counts = new HashMap<>();
        int leads = o.leadIds() == null ? 0 : o.leadIds().size();
        if (o.channel() == OutcomeChannel.EMAIL) {
            switch (o.status()) {
                case SENT -> counts.put(Figure.EMAILS_SENT, 1);
                case RETRYING -> {}
                default -> counts.put(Figure.EMAIL_FAILURES, 1);
            }
        } else {
            switch (o.status()) {
                case SUCCESS -> counts.put(Figure.PUSHES_SUCCEEDED, leads);
                case DUPLICATE -> counts.put(Figure.PUSH_DUPLICATES, leads);
                case RETRYING -> {}
                default -> counts.put(Figure.PUSH_FAILURES, leads);
            }
        }
        return new Figure(
                "outcome:" + eventId,
                BusinessTime.dayOf(o.at()).toString(),
                o.entity(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                o.clientId(),
                null,
                counts);
    }
}
