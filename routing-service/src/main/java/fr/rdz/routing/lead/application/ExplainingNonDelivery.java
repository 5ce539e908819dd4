package fr.rdz.routing.lead.application;

import fr.rdz.events.BatchSummary;
import fr.rdz.routing.catalog.mongo.ClientDocument;
import fr.rdz.routing.catalog.mongo.CommandeDocument;
import fr.rdz.routing.lead.domain.Exclusion;
import fr.rdz.routing.lead.domain.WhyNotDelivered;
import fr.rdz.routing.lead.mongo.HistoryEntry;
import fr.rdz.routing.lead.mongo.LeadDocument;
import fr.rdz.routing.lead.mongo.RunRecord;
import fr.rdz.routing.shared.domain.BusinessTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Gathers what {@link WhyNotDelivered} needs for one lead: its record, the runs of its entity since
 * the day it arrived ({@code runs}, one per entity and day), the names of the clients involved and
 * the LB share of its commandes. Only for one lead's detail: never on the reception path.
 */
@Service
public class ExplainingNonDelivery {

    /** A lead's detail: its record, why it was not delivered (or null) and the names of the clients it mentions. */
    public record Detail(LeadDocument lead, WhyNotDelivered whyNotDelivered, Map<String, String> clientNames) {}

    private final ReactiveMongoTemplate mongo;

    public ExplainingNonDelivery(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Detail> explain(LeadDocument doc) {
        boolean delivered = doc.deliveries() != null && !doc.deliveries().isEmpty();
        Mono<List<RunRecord>> runs =
                delivered || doc.lead().entity() == null || doc.lead().receivedAt() == null
                        ? Mono.just(List.of())
                        : mongo.find(
                                        Query.query(Criteria.where("entity")
                                                .is(doc.lead().entity())
                                                .and("runDate")
                                                .gte(BusinessTime.dayOf(
                                                        doc.lead().receivedAt()))),
                                        RunRecord.class)
                                .collectList();
        return runs.flatMap(found -> {
            List<String> eligible = doc.eligibleCommandeIds() == null ? List.of() : doc.eligibleCommandeIds();
            Set<String> clientIds = new HashSet<>();
            List<Exclusion> exclusions = doc.exclusions() == null ? List.of() : doc.exclusions();
            exclusions.forEach(e -> clientIds.add(e.clientId()));
            if (doc.deliveries() != null) {
                doc.deliveries().forEach(d -> clientIds.add(d.clientId()));
            }
            if (doc.rejectedClientIds() != null) {
                clientIds.addAll(doc.rejectedClientIds());
            }
            if (doc.history() != null) {
                doc.history().stream()
                        .map(HistoryEntry::clientId)
                        .filter(java.util.Objects::nonNull)
                        .forEach(clientIds::add);
            }
            found.forEach(r -> r.batches().stream()
                    .filter(b -> eligible.contains(b.commandeId()))
                    .map(BatchSummary::clientId)
                    .forEach(clientIds::add));
            clientIds.remove(null);
            Mono<Map<String, String>> names = clientIds.isEmpty()
                    ? Mono.just(Map.of())
                    : mongo.find(Query.query(Criteria.where("_id").in(clientIds)), ClientDocument.class)
                            .collectMap(ClientDocument::id, ClientDocument::name);
            Mono<Map<String, Integer>> lbMax = eligible.isEmpty() || found.isEmpty()
                    ? Mono.just(Map.of())
                    : Flux.fromIterable(eligible)
                            .concatMap(id -> mongo.findById(id, CommandeDocument.class))
                            .collectMap(CommandeDocument::id, CommandeDocument::lbMaxPercent);
            return Mono.zip(names, lbMax).map(t -> {
                WhyNotDelivered why = WhyNotDelivered.explain(facts(doc, delivered, found, t.getT1(), t.getT2()));
                return new Detail(doc, why, t.getT1());
            });
        });
    }

    private static WhyNotDelivered.Facts facts(
            LeadDocument doc,
            boolean delivered,
            List<RunRecord> runs,
            Map<String, String> names,
            Map<String, Integer> lbMax) {
        Optional<HistoryEntry> rejection = doc.history() == null
                ? Optional.empty()
                : doc.history().stream()
                        .filter(h -> "rejected".equals(h.type()))
                        .max(Comparator.comparing(HistoryEntry::at, Comparator.nullsFirst(Comparator.naturalOrder())));
        var lead = doc.lead();
        return new WhyNotDelivered.Facts(
                doc.status(),
                doc.intakeStatus(),
                doc.routingState(),
                doc.reason(),
                doc.missingFields(),
                doc.originalLeadId(),
                doc.erased(),
                delivered,
                rejection
                        .map(h -> new WhyNotDelivered.Rejection(h.clientId(), h.reason(), h.at()))
                        .orElse(null),
                lead.entity(),
                lead.product(),
                lead.departement(),
                lead.source() == null ? null : lead.source().formCode(),
                lead.receivedAt(),
                doc.eligibleCommandeIds(),
                doc.exclusions(),
                runs.stream()
                        .map(r -> new WhyNotDelivered.Run(r.runId(), r.runDate(), r.plannedAt(), r.batches()))
                        .toList(),
                new HashMap<>(names),
                lbMax);
    }
}
