package fr.rdz.routing.lead.application;

import fr.rdz.events.BatchSummary;
import fr.rdz.routing.catalog.application.Clients;
import fr.rdz.routing.catalog.application.Commandes;
import fr.rdz.routing.catalog.application.StoredCommande;
import fr.rdz.routing.lead.domain.Exclusion;
import fr.rdz.routing.lead.domain.WhyNotDelivered;
import fr.rdz.routing.shared.domain.BusinessTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    /** What a lead's detail adds to its record: why it was not delivered (or null) and the names of the clients it mentions. */
    public record Detail(WhyNotDelivered whyNotDelivered, Map<String, String> clientNames) {}

    private final DailyRuns dailyRuns;
    private final Clients clients;
    private final Commandes commandes;

    public ExplainingNonDelivery(DailyRuns dailyRuns, Clients clients, Commandes commandes) {
        this.dailyRuns = dailyRuns;
        this.clients = clients;
        this.commandes = commandes;
    }

    public Mono<Detail> explain(StoredLead doc) {
        boolean delivered = doc.deliveries() != null && !doc.deliveries().isEmpty();
        Mono<List<DailyRuns.Run>> runs =
                delivered || doc.lead().entity() == null || doc.lead().receivedAt() == null
                        ? Mono.just(List.of())
                        : dailyRuns
                                .ofEntitySince(
                                        doc.lead().entity(),
                                        BusinessTime.dayOf(doc.lead().receivedAt()))
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
                        .map(StoredLead.Step::clientId)
                        .filter(java.util.Objects::nonNull)
                        .forEach(clientIds::add);
            }
            found.forEach(r -> r.batches().stream()
                    .filter(b -> eligible.contains(b.commandeId()))
                    .map(BatchSummary::clientId)
                    .forEach(clientIds::add));
            clientIds.remove(null);
            Mono<Map<String, String>> names = clientIds.isEmpty() ? Mono.just(Map.of()) : clients.namesOf(clientIds);
            Mono<Map<String, Integer>> lbMax = eligible.isEmpty() || found.isEmpty()
                    ? Mono.just(Map.of())
                    : Flux.fromIterable(eligible)
                            .concatMap(commandes::commande)
                            .collectMap(StoredCommande::id, StoredCommande::lbMaxPercent);
            return Mono.zip(names, lbMax).map(t -> {
                WhyNotDelivered why = WhyNotDelivered.explain(facts(doc, delivered, found, t.getT1(), t.getT2()));
                return new Detail(why, t.getT1());
            });
        });
    }

    private static WhyNotDelivered.Facts facts(
            StoredLead doc,
            boolean delivered,
            List<DailyRuns.Run> runs,
            Map<String, String> names,
            Map<String, Integer> lbMax) {
        Optional<? extends StoredLead.Step> rejection = doc.history() == null
                ? Optional.empty()
                : doc.history().stream()
                        .filter(h -> "rejected".equals(h.type()))
                        .max(Comparator.comparing(
                                StoredLead.Step::at, Comparator.nullsFirst(Comparator.naturalOrder())));
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
