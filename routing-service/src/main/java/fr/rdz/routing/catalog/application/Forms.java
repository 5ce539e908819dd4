package fr.rdz.routing.catalog.application;

import fr.rdz.events.CatalogStatus;
import fr.rdz.events.Entity;
import fr.rdz.events.Product;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The port to the stored forms. A write carries the form's snapshot in its outbox and is then published; an insert
 * of a code already taken, or a replacement of a version changed meanwhile, fails with a {@code RequestRejected}
 * conflict.
 */
public interface Forms {

    Mono<Form> insert(Form form);

    /** Replaces the form if it is still at {@code expectedVersion}. */
    Mono<Form> replace(Form form, long expectedVersion);

    Mono<Form> form(String code);

    /** The consent text version in force on the form (one read by code); empty when the form or its version is unknown. */
    Mono<String> consentTextVersionOf(String formCode);

    /** The forms in {@code status}, of {@code only} that entity when given, of {@code product} when not null, by code. */
    Flux<Form> inStatus(CatalogStatus status, Optional<Entity> only, Product product);
}
