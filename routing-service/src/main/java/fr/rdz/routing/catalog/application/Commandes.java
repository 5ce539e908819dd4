package fr.rdz.routing.catalog.application;

import fr.rdz.events.Entity;
import fr.rdz.events.Product;
import fr.rdz.routing.catalog.domain.Commande;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The port to the stored commandes. A write carries the commande's snapshot in its outbox and is then published; an
 * insert of an id already taken, or a replacement of a version changed meanwhile, fails with a
 * {@code RequestRejected} conflict.
 */
public interface Commandes {

    Mono<StoredCommande> insert(StoredCommande commande);

    /** Replaces the commande if it is still at {@code expectedVersion}. */
    Mono<StoredCommande> replace(StoredCommande commande, long expectedVersion);

    /** The commande, deleted or not. */
    Mono<StoredCommande> commande(String id);

    /**
     * The commandes not deleted, of {@code only} that entity when given, and of that client, product, active state when
     * not null; by priority, then creation.
     */
    Flux<StoredCommande> notDeleted(Optional<Entity> only, String clientId, Product product, Boolean active);

    /**
     * The active, not deleted commandes of this entity and product that take leads of {@code departement} (or of
     * every département), as routing matches a lead against them.
     */
    Flux<Commande> routableTo(Entity entity, Product product, String departement);
}
