package fr.rdz.kit.mongo;

import reactor.core.publisher.Mono;

/**
 * The indexes a service's Mongo adapter needs. Each adapter declares its own; the kit's one start-up step
 * ({@link CreatingMongoIndexes}) creates them all, and awaits them, before any listener, relay or route starts.
 */
@FunctionalInterface
public interface MongoIndexes {

    /** Creates the indexes (idempotent: an existing index is left as it is). */
    Mono<Void> createIndexes();
}
