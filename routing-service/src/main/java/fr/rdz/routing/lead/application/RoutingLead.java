package fr.rdz.routing.lead.application;

import fr.rdz.events.Envelope;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadReceived;
import fr.rdz.events.LeadRouted;
import fr.rdz.events.LeadStatus;
import fr.rdz.events.Pii;
import fr.rdz.events.RoutingState;
import fr.rdz.routing.catalog.domain.Commande;
import fr.rdz.routing.catalog.domain.Departements;
import fr.rdz.routing.catalog.mongo.ClientDocument;
import fr.rdz.routing.catalog.mongo.CommandeDocument;
import fr.rdz.routing.catalog.mongo.FormDocument;
import fr.rdz.routing.consent.application.ConsentHistory;
import fr.rdz.routing.consent.application.ResolvingConsentCoverage;
import fr.rdz.routing.consent.domain.ConsentAwareRouting;
import fr.rdz.routing.consent.domain.ConsentCoverage;
import fr.rdz.routing.lead.domain.DuplicateRule;
import fr.rdz.routing.lead.domain.Exclusion;
import fr.rdz.routing.lead.domain.RoutingDecision;
import fr.rdz.routing.lead.mongo.HistoryEntry;
import fr.rdz.routing.lead.mongo.LeadDocument;
import fr.rdz.routing.lead.mongo.LeadLookupProjector;
import fr.rdz.routing.lead.mongo.PhoneFactsStore;
import fr.rdz.routing.outbox.OutboxEntry;
import fr.rdz.routing.outbox.OutboxRelay;
import fr.rdz.routing.quality.mongo.QualityMappingDocument;
import fr.rdz.routing.shared.domain.BusinessTime;
import fr.rdz.routing.stats.domain.Figure;
import fr.rdz.routing.stats.mongo.FigureStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Routes a received lead once (spec §4): resolves entity and product, keeps non-pending leads out
 * of distribution, finds the commandes it is eligible for (minus 30-day duplicates and clients
 * who rejected this person's lead), stores the routing record with its {@code LeadRouted} in the
 * same document, and has the relay publish it. The lead id is the record's id: a redelivered
 * {@code LeadReceived} finds the record and only makes sure its event and figure exist.
 */
@Service
public class RoutingLead {

    private static final Logger log = LoggerFactory.getLogger(RoutingLead.class);
    static final String PRODUCER = "routing-service";

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;
    private final FigureStore figures;
    private final RecordingDeliveries deliveries;
    private final Clock clock;
    private final RoutingMeters meters;
    private final ResolvingConsentCoverage consent;
    private final LeadLookupProjector lookups;

    public RoutingLead(
            ReactiveMongoTemplate mongo,
            OutboxRelay relay,
            FigureStore figures,
            RecordingDeliveries deliveries,
            Clock clock,
            RoutingMeters meters,
            ResolvingConsentCoverage consent,
            LeadLookupProjector lookups) {
        this.lookups = lookups;
        this.meters = meters;
        this.consent = consent;
        this.mongo = mongo;
        this.relay = relay;
        this.figures = figures;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    public Mono<Void> on(Envelope<LeadReceived> envelope) {
        LeadReceived received = envelope.payload();
        String leadId = received.lead().leadId();
        return mongo.findById(leadId, LeadDocument.class)
                .switchIfEmpty(Mono.defer(() -> route(envelope)))
                .flatMap(doc -> lookups.index(doc).thenReturn(doc))
                .flatMap(doc -> figures.record(receivedFigure(doc)).thenReturn(doc))
                .flatMap(doc -> deliveries.applyLedger(doc.id()).thenReturn(doc))
                .doOnNext(doc -> relay.flush("leads", doc.id()))
                .then();
    }

    private Mono<LeadDocument> route(Envelope<LeadReceived> envelope) {
        LeadReceived received = envelope.payload();
        Instant now = clock.instant();
        return resolveForm(received.lead()).flatMap(consent::withFormVersion).flatMap(lead -> Mono.zip(
                        candidates(lead, received.status(), now), qualityTier(lead), consent.of(lead))
                .flatMap(t -> {
                    Candidates candidates = t.getT1();
                    ConsentCoverage coverage = t.getT3();
                    RoutingDecision decision = RoutingDecision.decide(
                            lead,
                            received.status(),
                            received.missingFields(),
                            candidates.candidates(),
                            BusinessTime.dayOf(now));
                    // consent-aware routing (spec §11): only clients the consent text names
                    ConsentAwareRouting routing = ConsentAwareRouting.apply(
                            decision, candidates.candidates().commandes(), coverage);
                    List<Exclusion> exclusions = new ArrayList<>(
                            received.status() == LeadStatus.PENDING
                                    ? RoutingDecision.exclusions(
                                            lead,
                                            candidates.candidates(),
                                            candidates.duplicateUntil(),
                                            BusinessTime.dayOf(now))
                                    : List.of());
                    routing.excluded()
                            .forEach(c -> exclusions.add(
                                    new Exclusion(c.id(), c.clientId(), Exclusion.NOT_COVERED_BY_CONSENT, null)));
                    return store(
                            envelope, lead, routing, coverage, now, t.getT2().orElse(null), List.copyOf(exclusions));
                }));
    }

    /** What routing found for the lead, with when each duplicate client may have it again. */
    private record Candidates(RoutingDecision.Candidates candidates, Map<String, Instant> duplicateUntil) {}

    /** The seed's quality mapping: the tier of the lead's utm_campaign at reception (one {@code _id} lookup). */
    private Mono<Optional<String>> qualityTier(LeadData lead) {
        String campaign = lead.source() == null ? null : lead.source().utmCampaign();
        if (campaign == null || campaign.isBlank()) {
            return Mono.just(Optional.empty());
        }
        return mongo.findById(campaign.trim(), QualityMappingDocument.class)
                .map(m -> Optional.ofNullable(m.qualityTier()))
                .defaultIfEmpty(Optional.empty());
    }

    /** Entity and product come with the lead; a lead whose form routing knows but intake did not is completed here. */
    private Mono<LeadData> resolveForm(LeadData lead) {
        String formCode = lead.source() == null ? null : lead.source().formCode();
        if ((lead.entity() != null && lead.product() != null) || formCode == null) {
            return Mono.just(lead);
        }
        return mongo.findById(formCode, FormDocument.class)
                .map(form -> new LeadData(
                        lead.leadId(),
                        lead.receivedAt(),
                        form.entity(),
                        form.product(),
                        lead.contact(),
                        lead.project(),
                        lead.source(),
                        lead.consent()))
                .defaultIfEmpty(lead);
    }

    private Mono<Candidates> candidates(LeadData lead, LeadStatus status, Instant now) {
        Candidates none =
                new Candidates(new RoutingDecision.Candidates(List.of(), Set.of(), Set.of(), Set.of()), Map.of());
        if (status != LeadStatus.PENDING
                || (lead.consent() != null && lead.consent().refused())
                || lead.entity() == null
                || lead.product() == null
                || lead.departement() == null) {
            return Mono.just(none);
        }
        Query commandesQuery = Query.query(Criteria.where("entity")
                .is(lead.entity())
                .and("product")
                .is(lead.product())
                .and("active")
                .is(true)
                .and("deleted")
                .is(false)
                .and("departements")
                .in(lead.departement(), Departements.ALL));
        Mono<List<Commande>> commandes = mongo.find(commandesQuery, CommandeDocument.class)
                .map(CommandeDocument::toDomain)
                .collectList();
        return commandes.flatMap(list -> {
            Set<String> clientIds = new HashSet<>();
            list.forEach(c -> clientIds.add(c.clientId()));
            Mono<Set<String>> activeClients = clientIds.isEmpty()
                    ? Mono.just(Set.of())
                    : mongo.find(
                                    Query.query(Criteria.where("_id")
                                            .in(clientIds)
                                            .and("active")
                                            .is(true)
                                            .and("deleted")
                                            .is(false)),
                                    ClientDocument.class)
                            .map(ClientDocument::id)
                            .collect(HashSet::new, Set::add);
            return Mono.zip(activeClients, duplicates(lead, now), rejecting(lead))
                    .map(t -> new Candidates(
                            new RoutingDecision.Candidates(
                                    list, t.getT1(), t.getT2().keySet(), t.getT3()),
                            t.getT2()));
        });
    }

    private Mono<Map<String, Instant>> duplicates(LeadData lead, Instant now) {
        if (lead.phone() == null) {
            return Mono.just(Map.of());
        }
        // one _id lookup (phone_facts), not a query on the ledger
        return deliveries
                .phoneFacts(lead.phone(), lead.product())
                .map(facts -> facts.deliveriesOrEmpty().stream()
                        .filter(d ->
                                d.deliveredAt() != null && !d.deliveredAt().isBefore(DuplicateRule.windowStart(now)))
                        .map(d ->
                                new DuplicateRule.Delivery(lead.phone(), lead.product(), d.clientId(), d.deliveredAt()))
                        .toList())
                .map(ledger -> DuplicateRule.barredUntil(lead.phone(), lead.product(), ledger, now));
    }

    /** Clients who rejected a lead of this phone and product: it is never resold to them. */
    private Mono<Set<String>> rejecting(LeadData lead) {
        if (lead.phone() == null) {
            return Mono.just(Set.of());
        }
        // one _id lookup (phone_facts), not a query on every routing record
        return deliveries.phoneFacts(lead.phone(), lead.product()).map(PhoneFactsStore::rejectingClients);
    }

    private Mono<LeadDocument> store(
            Envelope<LeadReceived> envelope,
            LeadData lead,
            ConsentAwareRouting routing,
            ConsentCoverage coverage,
            Instant now,
            String qualityTier,
            List<Exclusion> exclusions) {
        RoutingDecision decision = routing.decision();
        LeadReceived received = envelope.payload();
        Envelope<LeadRouted> routed = Envelope.of(
                new LeadRouted(
                        lead, decision.state(), decision.eligibleCommandeIds(), decision.reason(), coverage.wire()),
                PRODUCER,
                now);
        String state = Wire.of(decision.state());
        List<HistoryEntry> history = List.of(
                HistoryEntry.of(envelope.eventId().toString(), "received", lead.receivedAt())
                        .withStatus(Wire.of(received.status()))
                        .withReason(
                                received.missingFields() == null
                                                || received.missingFields().isEmpty()
                                        ? null
                                        : "missing " + String.join(", ", received.missingFields())),
                HistoryEntry.of(routed.eventId().toString(), "routed", now)
                        .withState(state, decision.eligibleCommandeIds())
                        .withReason(decision.reason()));
        history = withConsentSteps(
                history, ConsentHistory.consentSteps(routed.eventId().toString(), routing, coverage, now));
        LeadDocument doc = new LeadDocument(
                lead.leadId(),
                lead,
                Wire.of(received.status()),
                received.missingFields(),
                received.originalLeadId(),
                state,
                decision.eligibleCommandeIds(),
                decision.reason(),
                state,
                List.of(),
                List.of(),
                false,
                history,
                List.of(OutboxEntry.of(routed)),
                qualityTier,
                exclusions);
        log.info(
                "Lead {} ({}) routed {} to {} commande(s)",
                lead.leadId(),
                Pii.maskPhone(lead.phone()),
                state,
                decision.eligibleCommandeIds().size());
        return mongo.insert(doc)
                .doOnNext(inserted -> meters.routed(lead.entity(), state))
                .onErrorResume(DuplicateKeyException.class, e -> mongo.findById(lead.leadId(), LeadDocument.class));
    }

    static Figure receivedFigure(LeadDocument doc) {
        LeadData lead = doc.lead();
        Map<String, Integer> counts = new HashMap<>();
        counts.put(Figure.RECEIVED, 1);
        String intake = doc.intakeStatus();
        if ("pending".equals(intake)) {
            counts.put(Figure.VALID, 1);
        } else if (intake != null) {
            counts.put(intake, 1);
        }
        if (Wire.of(RoutingState.FRESH).equals(doc.routingState())) {
            counts.put(Figure.ROUTED, 1);
        } else if (Wire.of(RoutingState.NO_ORDER).equals(doc.routingState())) {
            counts.put(Figure.NO_ORDER, 1);
        } else if (Wire.of(RoutingState.NO_CONSENT).equals(doc.routingState())) {
            counts.put(Figure.NO_CONSENT, 1);
        } else if (Wire.of(RoutingState.ORPHAN).equals(doc.routingState()) && !"orphan".equals(intake)) {
            counts.put(Figure.ORPHAN, 1);
        }
        return new Figure(
                "received:" + doc.id(),
                BusinessTime.dayOf(lead.receivedAt()).toString(),
                lead.entity(),
                lead.product(),
                lead.departement(),
                lead.source() == null ? null : lead.source().formCode(),
                lead.source() == null ? null : lead.source().lpCode(),
                lead.source() == null ? null : lead.source().utmSource(),
                lead.source() == null ? null : lead.source().utmCampaign(),
                doc.qualityTier(),
                null,
                null,
                counts);
    }

    /** The lead's history followed by consent-aware routing's steps, each as one history line. */
    private static List<HistoryEntry> withConsentSteps(List<HistoryEntry> history, List<ConsentHistory.Step> steps) {
        if (steps.isEmpty()) {
            return history;
        }
        List<HistoryEntry> all = new java.util.ArrayList<>(history);
        steps.forEach(s -> all.add(HistoryEntry.of(s.eventId(), s.type(), s.at())
                .withDelivery(s.clientId(), s.commandeId(), null, null)
                .withReason(s.reason())));
        return List.copyOf(all);
    }
}
