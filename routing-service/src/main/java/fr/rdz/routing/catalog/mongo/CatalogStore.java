package fr.rdz.routing.catalog.mongo;

import fr.rdz.routing.outbox.OutboxRelay;
import fr.rdz.routing.outbox.PendingOutbox;
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
 * locking), each carrying its snapshot in its outbox; the document is marked in {@link PendingOutbox} first (so
 * its events are never stored without a marker), then the relay is asked to publish it.
 */
@Component
public class CatalogStore {

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;
    private final PendingOutbox pending;

    public CatalogStore(ReactiveMongoTemplate mongo, OutboxRelay relay, PendingOutbox pending) {
        this.mongo = mongo;
        this.relay = relay;
        this.pending = pending;
    }

    public ReactiveMongoTemplate mongo() {
        return mongo;
    }

    public <T> Mono<T> insert(T document, String collection, Object id, String what) {
        return pending.mark(collection, id)
                .then(mongo.insert(document, collection))
                .onErrorMap(
                        DuplicateKeyException.class, e -> RequestRejected.conflict(what + " " + id + " already exists"))
                .doFinally(signal -> relay.flush(collection, id));
    }

    @SuppressWarnings("unchecked")
    public <T> Mono<T> replace(T document, String collection, Object id, long expectedVersion, String what) {
        Query query = Query.query(Criteria.where("_id").is(id).and("version").is(expectedVersion));
        return pending.mark(collection, id)
                .then(mongo.findAndReplace(
                        query,
                        document,
                        FindAndReplaceOptions.options().returnNew(),
                        (Class<T>) document.getClass(),
                        collection))
                .switchIfEmpty(Mono.error(() ->
                        RequestRejected.conflict(what + " " + id + " was changed meanwhile: read it again and retry")))
                .doFinally(signal -> relay.flush(collection, id));
    }
}
