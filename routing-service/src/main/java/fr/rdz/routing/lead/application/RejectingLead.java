package fr.rdz.routing.lead.application;

import fr.rdz.events.Envelope;
import fr.rdz.events.LeadRejected;
import fr.rdz.kit.Operator;
import fr.rdz.routing.outbox.OutboxRelay;
import fr.rdz.routing.shared.application.Scope;
import fr.rdz.routing.shared.domain.BusinessTime;
import fr.rdz.routing.shared.domain.RequestRejected;
import fr.rdz.routing.stats.application.Figures;
import fr.rdz.routing.stats.domain.Figure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A client rejects a lead delivered to it (spec §7), within {@code rdz.routing.rejection-window}
 * of the delivery: the lead is marked rejected, counted apart, and {@code LeadRejected} is
 * published (through the lead's outbox) so that delivery never resells it to that client; routing
 * itself no longer names that client for this phone and product.
 */
@Service
public class RejectingLead {

    private final LeadRecords leads;
    private final OutboxRelay relay;
    private final Figures figures;
    private final Clock clock;
    private final Duration window;
    private final PhoneRejections phoneRejections;

    public RejectingLead(
            LeadRecords leads,
            OutboxRelay relay,
            Figures figures,
            Clock clock,
            @Value("${rdz.routing.rejection-window:P30D}") Duration window,
            PhoneRejections phoneRejections) {
        this.phoneRejections = phoneRejections;
        this.leads = leads;
        this.relay = relay;
        this.figures = figures;
        this.clock = clock;
        this.window = window;
    }

    /** Records an operator's rejection; the lead is then read again by whoever shows it. */
    public Mono<Void> reject(Operator operator, String leadId, RejectTerms terms) {
        return leads.byId(leadId)
                .filter(doc -> Scope.visible(operator, doc.lead().entity()))
                .switchIfEmpty(Mono.error(() -> RequestRejected.notFound("no lead " + leadId)))
                .flatMap(doc -> {
                    Scope.requireWrite(operator, doc.lead().entity());
                    if (terms == null
                            || terms.reason() == null
                            || terms.reason().isBlank()) {
                        throw RequestRejected.invalid("reason is required");
                    }
                    List<? extends StoredLead.Delivery> deliveries =
                            doc.deliveries() == null ? List.of() : doc.deliveries();
                    if (deliveries.isEmpty()) {
                        throw RequestRejected.conflict(
                                "lead " + leadId + " was never delivered: there is nothing to reject");
                    }
                    StoredLead.Delivery delivery =
                            terms.clientId() == null || terms.clientId().isBlank()
                                    ? deliveries.get(deliveries.size() - 1)
                                    : deliveries.stream()
                                            .filter(d -> d.clientId().equals(terms.clientId()))
                                            .<StoredLead.Delivery>map(d -> d)
                                            .reduce((a, b) -> b)
                                            .orElseThrow(() -> RequestRejected.invalid("lead " + leadId
                                                    + " was not delivered to client " + terms.clientId()));
                    return record(doc, delivery, terms.reason().trim(), operator.name());
                });
    }

    /**
     * A buyer returns a lead from its portal: only a lead delivered to {@code clientId} (any other
     * id is a 404, so a buyer cannot tell that a lead it did not receive exists), within the same
     * window, through the same rule and event as an operator's rejection. {@code by} is the
     * history's author ({@code client:<user>}).
     */
    public Mono<Void> rejectAsClient(String clientId, String by, String leadId, String reason) {
        return leads.byId(leadId)
                .filter(doc -> !doc.erased())
                .flatMap(doc ->
                        Mono.justOrEmpty(lastDeliveryTo(doc, clientId)).map(delivery -> new Returned(doc, delivery)))
                .switchIfEmpty(Mono.error(() -> RequestRejected.notFound("no lead " + leadId + " delivered to you")))
                .flatMap(returned -> record(returned.lead(), returned.delivery(), reason, by));
    }

    /** A lead a buyer returns, with its last delivery to that buyer. */
    private record Returned(StoredLead lead, StoredLead.Delivery delivery) {}

    /** The last delivery of {@code doc} to {@code clientId}, if any. */
    public static Optional<StoredLead.Delivery> lastDeliveryTo(StoredLead doc, String clientId) {
        List<? extends StoredLead.Delivery> deliveries = doc.deliveries() == null ? List.of() : doc.deliveries();
        return deliveries.stream()
                .filter(d -> clientId.equals(d.clientId()))
                .<StoredLead.Delivery>map(d -> d)
                .reduce((a, b) -> b);
    }

    /** When a delivery may no longer be rejected. */
    public Instant windowEnd(StoredLead.Delivery delivery) {
        return delivery.deliveredAt() == null ? null : delivery.deliveredAt().plus(window);
    }

    private Mono<Void> record(StoredLead doc, StoredLead.Delivery delivery, String reason, String by) {
        String leadId = doc.id();
        Mono<Void> fact =
                phoneRejections.rejected(doc.lead().phone(), doc.lead().product(), leadId, delivery.clientId());
        if (doc.rejectedClientIds() != null && doc.rejectedClientIds().contains(delivery.clientId())) {
            // already rejected: make sure routing's phone facts know it (an interrupted rejection)
            return fact;
        }
        Instant now = clock.instant();
        if (delivery.deliveredAt() != null
                && delivery.deliveredAt().plus(window).isBefore(now)) {
            throw RequestRejected.invalid(
                    "the rejection window of " + window.toDays() + " days after delivery has passed for this lead");
        }
        Envelope<LeadRejected> event = Envelope.of(
                new LeadRejected(
                        leadId,
                        doc.lead().phone(),
                        doc.lead().product(),
                        doc.lead().entity(),
                        delivery.clientId(),
                        delivery.batchId(),
                        reason,
                        now),
                RoutingLead.PRODUCER,
                now);
        Figure figure = new Figure(
                "rejected:" + leadId + ":" + delivery.clientId(),
                BusinessTime.dayOf(now).toString(),
                doc.lead().entity(),
                doc.lead().product(),
                doc.lead().departement(),
                doc.lead().source() == null ? null : doc.lead().source().formCode(),
                doc.lead().source() == null ? null : doc.lead().source().lpCode(),
                doc.lead().source() == null ? null : doc.lead().source().utmSource(),
                doc.lead().source() == null ? null : doc.lead().source().utmCampaign(),
                doc.qualityTier(),
                delivery.clientId(),
                delivery.commandeId(),
                Map.of(Figure.REJECTED, 1));
        return leads.markRejected(leadId, delivery, reason, by, event, now)
                .then(fact)
                .then(figures.record(figure))
                .doFinally(signal -> relay.flush("leads", leadId));
    }
}
