package fr.rdz.delivery.pool.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import fr.rdz.delivery.mongo.MongoCollections;
import fr.rdz.delivery.pool.application.Catalog;
import fr.rdz.events.ClientSnapshot;
import fr.rdz.events.CommandeSnapshot;
import fr.rdz.events.EventCodec;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The latest snapshot of every commande and client (compacted catalog topics), upserted by id with
 * their deleted/inactive flags; {@code erased_phones} keeps a hash of erased phones so that a lead
 * routed after the erasure is stored blank.
 */
@Repository
public class CatalogStore implements Catalog {

    private final MongoCollections collections;

    public CatalogStore(MongoCollections collections) {
        this.collections = collections;
    }

    @Override
    public Mono<Void> save(CommandeSnapshot commande) {
        return replace(MongoCollections.COMMANDES, commande.id(), commande);
    }

    @Override
    public Mono<Void> save(ClientSnapshot client) {
        return replace(MongoCollections.CLIENTS, client.id(), client);
    }

    @Override
    public Flux<CommandeSnapshot> commandes() {
        return all(MongoCollections.COMMANDES, CommandeSnapshot.class);
    }

    @Override
    public Flux<ClientSnapshot> clients() {
        return all(MongoCollections.CLIENTS, ClientSnapshot.class);
    }

    /** One commande snapshot by id (a unique-key lookup). */
    @Override
    public Mono<CommandeSnapshot> commande(String id) {
        return one(MongoCollections.COMMANDES, id, CommandeSnapshot.class);
    }

    /** One client snapshot by id (a unique-key lookup). */
    @Override
    public Mono<ClientSnapshot> client(String id) {
        return one(MongoCollections.CLIENTS, id, ClientSnapshot.class);
    }

    @Override
    public Mono<Void> rememberErasure(String phoneHash, Instant erasedAt) {
        return collections
                .get(MongoCollections.ERASED_PHONES)
                .flatMap(c -> Mono.from(c.replaceOne(
                        Filters.eq("_id", phoneHash),
                        new Document("_id", phoneHash).append("erased_at", Date.from(erasedAt)),
                        new ReplaceOptions().upsert(true))))
                .then();
    }

    @Override
    public Mono<Boolean> isErased(String phoneHash) {
        return collections
                .get(MongoCollections.ERASED_PHONES)
                .flatMap(c -> Mono.from(c.find(Filters.eq("_id", phoneHash)).first()))
                .hasElement();
    }

    @SuppressWarnings("unchecked")
    private Mono<Void> replace(String collection, String id, Object snapshot) {
        Document doc = new Document(EventCodec.mapper().convertValue(snapshot, Map.class));
        doc.put("_id", id);
        return collections
                .get(collection)
                .flatMap(c -> Mono.from(c.replaceOne(Filters.eq("_id", id), doc, new ReplaceOptions().upsert(true))))
                .then();
    }

    private <T> Mono<T> one(String collection, String id, Class<T> type) {
        return collections
                .get(collection)
                .flatMap(c -> Mono.from(c.find(Filters.eq("_id", id)).first()))
                .map(doc -> {
                    doc.remove("_id");
                    return EventCodec.mapper().convertValue(doc, type);
                });
    }

    private <T> Flux<T> all(String collection, Class<T> type) {
        return collections.get(collection).flatMapMany(c -> Flux.from(c.find()).map(doc -> {
            doc.remove("_id");
            return EventCodec.mapper().convertValue(doc, type);
        }));
    }
}
