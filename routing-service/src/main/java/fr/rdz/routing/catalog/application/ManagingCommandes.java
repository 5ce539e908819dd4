package fr.rdz.routing.catalog.application;

import static fr.rdz.routing.catalog.application.ManagingLpsAndForms.append;
import static fr.rdz.routing.catalog.application.ManagingLpsAndForms.notBlank;
import static fr.rdz.routing.catalog.application.ManagingLpsAndForms.require;

import fr.rdz.events.Entity;
import fr.rdz.events.Envelope;
import fr.rdz.events.Product;
import fr.rdz.kit.Operator;
import fr.rdz.routing.catalog.domain.Commande;
import fr.rdz.routing.catalog.domain.Departements;
import fr.rdz.routing.catalog.mongo.CatalogStore;
import fr.rdz.routing.catalog.mongo.ClientDocument;
import fr.rdz.routing.catalog.mongo.CommandeDocument;
import fr.rdz.routing.outbox.OutboxEntry;
import fr.rdz.routing.shared.application.Scope;
import fr.rdz.routing.shared.domain.BusinessTime;
import fr.rdz.routing.shared.domain.RequestRejected;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Commandes: create, replace, soft-delete, with their business validation; every change published. */
@Service
public class ManagingCommandes {

    private final CatalogStore store;
    private final Clock clock;

    public ManagingCommandes(CatalogStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Mono<CommandeDocument> create(Operator operator, CommandeTerms terms) {
        List<String> departements = validate(terms);
        Scope.requireWrite(operator, terms.entity());
        return client(terms).flatMap(client -> {
            Instant now = clock.instant();
            String id = UUID.randomUUID().toString();
            LocalDate startsOn = terms.startsOn() != null ? terms.startsOn() : BusinessTime.dayOf(now);
            CommandeDocument doc = build(id, terms, departements, startsOn, now, now, 1, List.of(), false);
            return store.insert(withSnapshot(doc), "commandes", id, "commande");
        });
    }

    public Mono<CommandeDocument> replace(Operator operator, String id, CommandeTerms terms) {
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
            List<String> departements = validate(full);
            return client(full).flatMap(client -> {
                LocalDate startsOn = full.startsOn() != null ? full.startsOn() : existing.startsOnDate();
                CommandeDocument changed = build(
                        id,
                        full,
                        departements,
                        startsOn,
                        existing.createdAt(),
                        clock.instant(),
                        existing.version() + 1,
                        existing.outbox(),
                        false);
                return store.replace(withSnapshot(changed), "commandes", id, existing.version(), "commande");
            });
        });
    }

    public Mono<CommandeDocument> delete(Operator operator, String id) {
        return get(operator, id).flatMap(e -> {
            Scope.requireWrite(operator, e.entity());
            CommandeDocument changed = new CommandeDocument(
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
            return store.replace(withSnapshot(changed), "commandes", id, e.version(), "commande");
        });
    }

    public Mono<CommandeDocument> get(Operator operator, String id) {
        return store.mongo()
                .findById(id, CommandeDocument.class, "commandes")
                .filter(c -> !c.deleted() && Scope.visible(operator, c.entity()))
                .switchIfEmpty(Mono.error(() -> RequestRejected.notFound("no commande " + id)));
    }

    public Flux<CommandeDocument> list(
            Operator operator, Entity entity, String clientId, Product product, Boolean active) {
        Scope.EntityFilter filter = Scope.filter(operator, entity);
        if (filter.none()) {
            return Flux.empty();
        }
        Criteria c = Criteria.where("deleted").is(false);
        filter.only().ifPresent(e -> c.and("entity").is(e));
        if (clientId != null) {
            c.and("clientId").is(clientId);
        }
        if (product != null) {
            c.and("product").is(product);
        }
        if (active != null) {
            c.and("active").is(active);
        }
        return store.mongo()
                .find(Query.query(c).with(Sort.by("priority", "createdAt")), CommandeDocument.class, "commandes");
    }

    private List<String> validate(CommandeTerms terms) {
        require(terms.entity() != null, "entity is required (ZR7 or MDL)");
        require(notBlank(terms.clientId()), "client_id is required (the id returned by POST /admin/clients)");
        require(terms.product() != null, "product is required (PV, PAC or ITE)");
        List<String> departements = Departements.validate(terms.departements());
        Commande.validateTerms(
                terms.weeklyQuota(), terms.lbMaxPercent(), terms.deliveryDays(), terms.startsOn(), terms.endsOn());
        require(terms.priority() == null || terms.priority() >= 0, "priority must be 0 or more");
        return departements;
    }

    private Mono<ClientDocument> client(CommandeTerms terms) {
        return store.mongo()
                .findById(terms.clientId(), ClientDocument.class, "clients")
                .filter(c -> !c.deleted())
                .switchIfEmpty(Mono.error(() -> RequestRejected.invalid("unknown client_id " + terms.clientId())))
                .flatMap(c -> c.entity() == terms.entity()
                        ? Mono.just(c)
                        : Mono.error(RequestRejected.invalid("client " + c.id() + " belongs to entity " + c.entity()
                                + ", not " + terms.entity() + ": a commande must be in its client's entity")));
    }

    private static CommandeDocument build(
            String id,
            CommandeTerms t,
            List<String> departements,
            LocalDate startsOn,
            Instant createdAt,
            Instant updatedAt,
            long version,
            List<OutboxEntry> outbox,
            boolean deleted) {
        return new CommandeDocument(
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

    private static CommandeDocument withSnapshot(CommandeDocument d) {
        return new CommandeDocument(
                d.id(),
                d.entity(),
                d.clientId(),
                d.product(),
                d.departements(),
                d.weeklyQuota(),
                d.deliveryDays(),
                d.lbMaxPercent(),
                d.priority(),
                d.allowCrossEntity(),
                d.startsOn(),
                d.endsOn(),
                d.active(),
                d.deleted(),
                d.createdAt(),
                d.updatedAt(),
                d.version(),
                append(d.outbox(), OutboxEntry.of(Envelope.of(d.snapshot(), "routing-service", d.updatedAt()))));
    }
}
