package fr.rdz.routing.catalog.mongo;

import fr.rdz.routing.outbox.OutboxRelay;
import fr.rdz.routing.shared.domain.RequestRejected;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Writes catalog documents: an insert, or a replacement guarded by the version read (optimistic
 * locking), each carrying its snapshot in its outbox; then asks the relay to publish it.
 */
@Component
public class CatalogStore {

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;

    public CatalogStore(ReactiveMongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    public ReactiveMongoTemplate mongo() {
        return mongo;
    }

    public <T> Mono<T> insert(T document, String collection, Object id, String what) {
        return mongo.insert(document, collection)
                .onErrorMap(
                        DuplicateKeyException.class, e -> RequestRejected.conflict(what + " " + id + " already exists"))
                .doFinally(signal -> relay.flush(collection, id));
    }

    @SuppressWarnings("unchecked")
    public <T> Mono<T> replace(T document, String collection, Object id, long expectedVersion, String what) {
        Query query = Query.query(Criteria.where("_id").is(id).and("version").is(expectedVersion));
        return mongo.findAndReplace(
                        query,
                        document,
                        FindAndReplaceOptions.options().returnNew(),
                        (Class<T>) document.getClass(),
                        collection)
                .switchIfEmpty(Mono.error(() ->
                        RequestRejected.conflict(what + " " + id + " was changed meanwhile: read it again and retry")))
                .doFinally(signal -> relay.flush(collection, id));
    }
}
