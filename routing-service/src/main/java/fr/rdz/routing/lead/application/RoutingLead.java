package fr.rdz.routing.lead.application;

import fr.rdz.events.Envelope;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadReceived;
import fr.rdz.events.LeadRouted;
import fr.rdz.events.LeadStatus;
import fr.rdz.events.Pii;
import fr.rdz.events.RoutingState;
import fr.rdz.routing.catalog.application.Clients;
import fr.rdz.routing.catalog.application.Commandes;
import fr.rdz.routing.catalog.application.Forms;
import fr.rdz.routing.catalog.domain.Commande;
import fr.rdz.routing.consent.application.ConsentHistory;
import fr.rdz.routing.consent.application.ResolvingConsentCoverage;
import fr.rdz.routing.consent.domain.ConsentAwareRouting;
import fr.rdz.routing.consent.domain.ConsentCoverage;
import fr.rdz.routing.lead.domain.DuplicateRule;
import fr.rdz.routing.lead.domain.Exclusion;
import fr.rdz.routing.lead.domain.RoutingDecision;
import fr.rdz.routing.outbox.OutboxRelay;
import fr.rdz.routing.quality.application.QualityMappings;
import fr.rdz.routing.shared.domain.BusinessTime;
import fr.rdz.routing.stats.application.Figures;
import fr.rdz.routing.stats.domain.Figure;
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

    private final LeadRecords records;
    private final LeadLookups lookups;
    private final KnownPhones phones;
    private final Commandes commandes;
    private final Clients clients;
    private final Forms forms;
    private final QualityMappings qualityMappings;
    private final Figures figures;
    private final OutboxRelay relay;
    private final RecordingDeliveries deliveries;
    private final Clock clock;
    private final RoutingMeters meters;
    private final ResolvingConsentCoverage consent;

    public RoutingLead(
            LeadRecords records,
            LeadLookups lookups,
            KnownPhones phones,
            Commandes commandes,
            Clients clients,
            Forms forms,
            QualityMappings qualityMappings,
            Figures figures,
            OutboxRelay relay,
            RecordingDeliveries deliveries,
            Clock clock,
            RoutingMeters meters,
            ResolvingConsentCoverage consent) {
        this.records = records;
        this.lookups = lookups;
        this.phones = phones;
        this.commandes = commandes;
        this.clients = clients;
        this.forms = forms;
        this.qualityMappings = qualityMappings;
        this.figures = figures;
        this.relay = relay;
        this.deliveries = deliveries;
        this.clock = clock;
        this.meters = meters;
        this.consent = consent;
    }

    public Mono<Void> on(Envelope<LeadReceived> envelope) {
        LeadReceived received = envelope.payload();
        String leadId = received.lead().leadId();
        return records.byId(leadId)
                .switchIfEmpty(Mono.defer(() -> route(envelope)))
                .flatMap(doc -> lookups.index(doc).thenReturn(doc))
                .flatMap(doc -> figures.record(receivedFigure(doc)).thenReturn(doc))
                .flatMap(doc -> deliveries.applyLedger(doc.id()).thenReturn(doc))
                .doFinally(signal -> relay.flush("leads", leadId))
                .then();
    }

    private Mono<StoredLead> route(Envelope<LeadReceived> envelope) {
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
        return qualityMappings
                .mapping(campaign.trim())
                .map(m -> Optional.ofNullable(m.qualityTier()))
                .defaultIfEmpty(Optional.empty());
    }

    /** Entity and product come with the lead; a lead whose form routing knows but intake did not is completed here. */
    private Mono<LeadData> resolveForm(LeadData lead) {
        String formCode = lead.source() == null ? null : lead.source().formCode();
        if ((lead.entity() != null && lead.product() != null) || formCode == null) {
            return Mono.just(lead);
        }
        return forms.form(formCode)
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
        Mono<List<Commande>> routable = commandes
                .routableTo(lead.entity(), lead.product(), lead.departement())
                .collectList();
        return routable.flatMap(list -> {
            Set<String> clientIds = new HashSet<>();
            list.forEach(c -> clientIds.add(c.clientId()));
            Mono<Set<String>> activeClients = clientIds.isEmpty()
                    ? Mono.just(Set.of())
                    : clients.activeAmong(clientIds).collect(HashSet::new, Set::add);
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
        return phones.of(lead.phone(), lead.product())
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
        return phones.of(lead.phone(), lead.product()).map(KnownPhone::rejectingClients);
    }

    private Mono<StoredLead> store(
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
        RoutedLead record = new RoutedLead(
                lead,
                Wire.of(received.status()),
                received.missingFields(),
                received.originalLeadId(),
                envelope.eventId().toString(),
                received.missingFields() == null || received.missingFields().isEmpty()
                        ? null
                        : "missing " + String.join(", ", received.missingFields()),
                state,
                decision.eligibleCommandeIds(),
                decision.reason(),
                exclusions,
                routed,
                now,
                ConsentHistory.consentSteps(routed.eventId().toString(), routing, coverage, now),
                qualityTier);
        log.info(
                "Lead {} ({}) routed {} to {} commande(s)",
                lead.leadId(),
                Pii.maskPhone(lead.phone()),
                state,
                decision.eligibleCommandeIds().size());
        return records.insertRouted(record)
                .doOnNext(inserted -> meters.routed(lead.entity(), state))
                .switchIfEmpty(Mono.defer(() -> records.byId(lead.leadId())));
    }

    static Figure receivedFigure(StoredLead doc) {
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
}
