package fr.rdz.routing.catalog.mongo;

import fr.rdz.events.Entity;
import fr.rdz.routing.catalog.application.Client;
import fr.rdz.routing.catalog.application.Clients;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link Clients} in {@code clients} ({@link ClientDocument}), through {@link CatalogStore}. */
@Component
public class MongoClients implements Clients {

    static final String CLIENTS = "clients";

    private final CatalogStore store;

    public MongoClients(CatalogStore store) {
        this.store = store;
    }

    @Override
    public Mono<Client> insert(Client client) {
        return store.insert(document(client), CLIENTS, client.id(), "client").map(MongoClients::client);
    }

    @Override
    public Mono<Client> replace(Client client, long expectedVersion) {
        return store.replace(document(client), CLIENTS, client.id(), expectedVersion, "client")
                .map(MongoClients::client);
    }

    @Override
    public Mono<Client> client(String id) {
        return store.mongo().findById(id, ClientDocument.class, CLIENTS).map(MongoClients::client);
    }

    @Override
    public Flux<Client> notDeleted(Optional<Entity> only, Boolean active) {
        Criteria c = Criteria.where("deleted").is(false);
        only.ifPresent(e -> c.and("entity").is(e));
        if (active != null) {
            c.and("active").is(active);
        }
        return store.mongo()
                .find(Query.query(c).with(Sort.by("name", "_id")), ClientDocument.class, CLIENTS)
                .map(MongoClients::client);
    }

    @Override
    public Flux<String> notDeletedAmong(Collection<String> ids) {
        return store.mongo()
                .find(
                        Query.query(Criteria.where("_id").in(ids).and("deleted").is(false)),
                        ClientDocument.class,
                        CLIENTS)
                .map(ClientDocument::id);
    }

    @Override
    public Mono<Map<String, String>> namesOf(Collection<String> ids) {
        return store.mongo()
                .find(Query.query(Criteria.where("_id").in(ids)), ClientDocument.class, CLIENTS)
                .collectMap(ClientDocument::id, c -> c.name() == null ? "" : c.name());
    }

    static ClientDocument document(Client c) {
        return new ClientDocument(
                c.id(),
                c.entity(),
                c.name(),
                c.emails(),
                c.deliveryChannel(),
                c.apiUrl(),
                c.apiKeyEncrypted(),
                c.apiKeyHint(),
                c.active(),
                c.deleted(),
                c.createdAt(),
                c.updatedAt(),
                c.version(),
                c.outbox());
    }

    static Client client(ClientDocument d) {
        return new Client(
                d.id(),
                d.entity(),
                d.name(),
                d.emails(),
                d.deliveryChannel(),
                d.apiUrl(),
                d.apiKeyEncrypted(),
                d.apiKeyHint(),
                d.active(),
                d.deleted(),
                d.createdAt(),
                d.updatedAt(),
                d.version(),
                d.outbox());
    }

    @Override
    public Flux<String> activeAmong(Collection<String> ids) {
        return store.mongo()
                .find(
                        Query.query(Criteria.where("_id")
                                .in(ids)
                                .and("active")
                                .is(true)
                                .and("deleted")
                                .is(false)),
                        ClientDocument.class)
                .map(ClientDocument::id);
    }
}
