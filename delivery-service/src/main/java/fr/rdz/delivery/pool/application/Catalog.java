package fr.rdz.delivery.pool.application;

import fr.rdz.events.ClientSnapshot;
import fr.rdz.events.CommandeSnapshot;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** delivery's copy of the catalog (latest snapshot of each commande and client) and the erased phones. */
public interface Catalog {

    Mono<Void> save(CommandeSnapshot commande);

    Mono<Void> save(ClientSnapshot client);

    Flux<CommandeSnapshot> commandes();

    Flux<ClientSnapshot> clients();

    Mono<CommandeSnapshot> commande(String id);

    Mono<ClientSnapshot> client(String id);

    /** Remembers that the person of this phone hash was erased: a lead routed later is stored blank. */
    Mono<Void> rememberErasure(String phoneHash, Instant erasedAt);

    Mono<Boolean> isErased(String phoneHash);
}
