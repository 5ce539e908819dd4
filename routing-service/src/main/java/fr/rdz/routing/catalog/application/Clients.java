package fr.rdz.routing.catalog.application;

import fr.rdz.events.Entity;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The port to the stored clients. A write carries the client's snapshot in its outbox and is then published; an
 * insert of an id already taken, or a replacement of a version changed meanwhile, fails with a
 * {@code RequestRejected} conflict.
 */
public interface Clients {

    Mono<Client> insert(Client client);

    /** Replaces the client if it is still at {@code expectedVersion}. */
    Mono<Client> replace(Client client, long expectedVersion);

    /** The client, deleted or not. */
    Mono<Client> client(String id);

    /** The clients not deleted, of {@code only} that entity when given, {@code active} or not when given, by name. */
    Flux<Client> notDeleted(Optional<Entity> only, Boolean active);

    /** The ids among {@code ids} of clients not deleted (one read by {@code _id}s). */
    Flux<String> notDeletedAmong(Collection<String> ids);

    /** The names of the clients among {@code ids}, deleted or not (one read by {@code _id}s; no name: ""). */
    Mono<Map<String, String>> namesOf(Collection<String> ids);

    /** The ids among {@code ids} of the clients that are active and not deleted. */
    Flux<String> activeAmong(Collection<String> ids);
}
