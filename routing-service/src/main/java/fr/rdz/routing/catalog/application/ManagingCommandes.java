package fr.rdz.routing.catalog.application;

import static fr.rdz.routing.catalog.application.CatalogEdits.plusSnapshot;

import fr.rdz.events.Entity;
import fr.rdz.events.Product;
import fr.rdz.kit.Operator;
import fr.rdz.routing.catalog.domain.SameEntity;
import fr.rdz.routing.outbox.OutboxEntry;
import fr.rdz.routing.shared.application.Scope;
import fr.rdz.routing.shared.domain.BusinessTime;
import fr.rdz.routing.shared.domain.RequestRejected;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Commandes: create, replace, soft-delete, their terms checked by {@link CommandeTermsRule}; every change published. */
@Service
public class ManagingCommandes {

    private final Commandes store;
    private final Clients clients;
    private final Clock clock;

    public ManagingCommandes(Commandes store, Clients clients, Clock clock) {
        this.store = store;
        this.clients = clients;
        this.clock = clock;
    }

    public Mono<StoredCommande> create(Operator operator, CommandeTerms terms) {
        List<String> departements = CommandeTermsRule.check(terms);
        Scope.requireWrite(operator, terms.entity());
        return client(terms).flatMap(client -> {
            Instant now = clock.instant();
            String id = UUID.randomUUID().toString();
            LocalDate startsOn = terms.startsOn() != null ? terms.startsOn() : BusinessTime.dayOf(now);
            StoredCommande doc = build(id, terms, departements, startsOn, now, now, 1, List.of(), false);
            return store.insert(withSnapshot(doc));
        });
    }

    public Mono<StoredCommande> replace(Operator operator, String id, CommandeTerms terms) {
        return get(operator, id).flatMap(existing -> {
            Scope.requireWrite(operator, existing.entity());
            if (terms.entity() != null && terms.entity() != existing.entity()) {
                throw RequestRejected.invalid("a commande cannot change entity (" + existing.entity() + ")");
            }
            CommandeTerms full = new CommandeTerms(
                    existing.entity(),
                    terms.clientId() == null ? existing.clientId() : terms.clientId(),
                    terms.product() == null ? existing.product() : terms.product(),
                    terms.departements(),
                    terms.weeklyQuota(),
                    terms.deliveryDays(),
                    terms.lbMaxPercent(),
                    terms.priority(),
                    terms.allowCrossEntity(),
                    terms.startsOn(),
                    terms.endsOn(),
                    terms.active());
            List<String> departements = CommandeTermsRule.check(full);
            return client(full).flatMap(client -> {
                LocalDate startsOn = full.startsOn() != null ? full.startsOn() : existing.startsOnDate();
                StoredCommande changed = build(
                        id,
                        full,
                        departements,
                        startsOn,
                        existing.createdAt(),
                        clock.instant(),
                        existing.version() + 1,
                        existing.outbox(),
                        false);
                return store.replace(withSnapshot(changed), existing.version());
            });
        });
    }

    public Mono<StoredCommande> delete(Operator operator, String id) {
        return get(operator, id).flatMap(e -> {
            Scope.requireWrite(operator, e.entity());
            StoredCommande changed = new StoredCommande(
                    id,
                    e.entity(),
                    e.clientId(),
                    e.product(),
                    e.departements(),
                    e.weeklyQuota(),
                    e.deliveryDays(),
                    e.lbMaxPercent(),
                    e.priority(),
                    e.allowCrossEntity(),
                    e.startsOn(),
                    e.endsOn(),
                    false,
                    true,
                    e.createdAt(),
                    clock.instant(),
                    e.version() + 1,
                    e.outbox());
            return store.replace(withSnapshot(changed), e.version());
        });
    }

    public Mono<StoredCommande> get(Operator operator, String id) {
        return store.commande(id)
                .filter(c -> !c.deleted() && Scope.visible(operator, c.entity()))
                .switchIfEmpty(Mono.error(() -> RequestRejected.notFound("no commande " + id)));
    }

    public Flux<StoredCommande> list(
            Operator operator, Entity entity, String clientId, Product product, Boolean active) {
        Scope.EntityFilter filter = Scope.filter(operator, entity);
        if (filter.none()) {
            return Flux.empty();
        }
        return store.notDeleted(filter.only(), clientId, product, active);
    }

    private Mono<Client> client(CommandeTerms terms) {
        return clients.client(terms.clientId())
                .filter(c -> !c.deleted())
                .switchIfEmpty(Mono.error(() -> RequestRejected.invalid("unknown client_id " + terms.clientId())))
                .flatMap(c -> SameEntity.breach("client " + c.id(), c.entity(), terms.entity())
                        .map(breach -> Mono.<Client>error(
                                RequestRejected.invalid(breach + ": a commande must be in its client's entity")))
                        .orElse(Mono.just(c)));
    }

    private static StoredCommande build(
            String id,
            CommandeTerms t,
            List<String> departements,
            LocalDate startsOn,
            Instant createdAt,
            Instant updatedAt,
            long version,
            List<OutboxEntry> outbox,
            boolean deleted) {
        return new StoredCommande(
                id,
                t.entity(),
                t.clientId(),
                t.product(),
                departements,
                t.weeklyQuota(),
                t.deliveryDays().stream().distinct().toList(),
                t.lbMaxPercent() == null ? 0 : t.lbMaxPercent(),
                t.priority() == null ? 1 : t.priority(),
                Boolean.TRUE.equals(t.allowCrossEntity()),
                startsOn == null ? null : startsOn.toString(),
                t.endsOn() == null ? null : t.endsOn().toString(),
                t.active() == null || t.active(),
                deleted,
                createdAt,
                updatedAt,
                version,
                outbox);
    }

    private static StoredCommande withSnapshot(StoredCommande d) {
        return d.withOutbox(plusSnapshot(d.outbox(), d.snapshot(), d.updatedAt()));
    }
}
