package fr.rdz.routing.catalog.application;

import fr.rdz.events.CatalogStatus;
import fr.rdz.events.Entity;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The port to the stored landing pages. A write carries the LP's snapshot in its outbox and is then published; an
 * insert of a code already taken, or a replacement of a version changed meanwhile, fails with a
 * {@code RequestRejected} conflict.
 */
public interface Lps {

    Mono<Lp> insert(Lp lp);

    /** Replaces the LP if it is still at {@code expectedVersion}. */
    Mono<Lp> replace(Lp lp, long expectedVersion);

    Mono<Lp> lp(String code);

    /** The LPs in {@code status}, of {@code only} that entity when given, by code. */
    Flux<Lp> inStatus(CatalogStatus status, Optional<Entity> only);
}
