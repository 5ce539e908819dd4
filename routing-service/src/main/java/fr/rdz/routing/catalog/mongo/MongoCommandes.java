package fr.rdz.routing.catalog.mongo;

import fr.rdz.events.Entity;
import fr.rdz.events.Product;
import fr.rdz.routing.catalog.application.Commandes;
import fr.rdz.routing.catalog.application.StoredCommande;
import fr.rdz.routing.catalog.domain.Commande;
import fr.rdz.routing.catalog.domain.Departements;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link Commandes} in {@code commandes} ({@link CommandeDocument}), through {@link CatalogStore}. */
@Component
public class MongoCommandes implements Commandes {

    static final String COMMANDES = "commandes";

    private final CatalogStore store;

    public MongoCommandes(CatalogStore store) {
        this.store = store;
    }

    @Override
    public Mono<StoredCommande> insert(StoredCommande commande) {
        return store.insert(document(commande), COMMANDES, commande.id(), "commande")
                .map(MongoCommandes::commande);
    }

    @Override
    public Mono<StoredCommande> replace(StoredCommande commande, long expectedVersion) {
        return store.replace(document(commande), COMMANDES, commande.id(), expectedVersion, "commande")
                .map(MongoCommandes::commande);
    }

    @Override
    public Mono<StoredCommande> commande(String id) {
        return store.mongo().findById(id, CommandeDocument.class, COMMANDES).map(MongoCommandes::commande);
    }

    @Override
    public Flux<StoredCommande> notDeleted(Optional<Entity> only, String clientId, Product product, Boolean active) {
        Criteria c = Criteria.where("deleted").is(false);
        only.ifPresent(e -> c.and("entity").is(e));
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
                .find(Query.query(c).with(Sort.by("priority", "createdAt")), CommandeDocument.class, COMMANDES)
                .map(MongoCommandes::commande);
    }

    static CommandeDocument document(StoredCommande c) {
        return new CommandeDocument(
                c.id(),
                c.entity(),
                c.clientId(),
                c.product(),
                c.departements(),
                c.weeklyQuota(),
                c.deliveryDays(),
                c.lbMaxPercent(),
                c.priority(),
                c.allowCrossEntity(),
                c.startsOn(),
                c.endsOn(),
                c.active(),
                c.deleted(),
                c.createdAt(),
                c.updatedAt(),
                c.version(),
                c.outbox());
    }

    static StoredCommande commande(CommandeDocument d) {
        return new StoredCommande(
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
                d.outbox());
    }

    @Override
    public Flux<Commande> routableTo(Entity entity, Product product, String departement) {
        Query commandesQuery = Query.query(Criteria.where("entity")
                .is(entity)
                .and("product")
                .is(product)
                .and("active")
                .is(true)
                .and("deleted")
                .is(false)
                .and("departements")
                .in(departement, Departements.ALL));
        return store.mongo().find(commandesQuery, CommandeDocument.class).map(CommandeDocument::toDomain);
    }
}
