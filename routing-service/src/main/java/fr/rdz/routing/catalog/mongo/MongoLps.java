package fr.rdz.routing.catalog.mongo;

import fr.rdz.events.CatalogStatus;
import fr.rdz.events.Entity;
import fr.rdz.routing.catalog.application.Lp;
import fr.rdz.routing.catalog.application.Lps;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link Lps} in {@code lps} ({@link LpDocument}), through {@link CatalogStore}. */
@Component
public class MongoLps implements Lps {

    static final String LPS = "lps";

    private final CatalogStore store;

    public MongoLps(CatalogStore store) {
        this.store = store;
    }

    @Override
    public Mono<Lp> insert(Lp lp) {
        return store.insert(document(lp), LPS, lp.code(), "LP").map(MongoLps::lp);
    }

    @Override
    public Mono<Lp> replace(Lp lp, long expectedVersion) {
        return store.replace(document(lp), LPS, lp.code(), expectedVersion, "LP")
                .map(MongoLps::lp);
    }

    @Override
    public Mono<Lp> lp(String code) {
        return store.mongo().findById(code, LpDocument.class, LPS).map(MongoLps::lp);
    }

    @Override
    public Flux<Lp> inStatus(CatalogStatus status, Optional<Entity> only) {
        Criteria c = Criteria.where("status").is(status);
        only.ifPresent(e -> c.and("entity").is(e));
        return store.mongo()
                .find(Query.query(c).with(Sort.by("_id")), LpDocument.class, LPS)
                .map(MongoLps::lp);
    }

    static LpDocument document(Lp lp) {
        return new LpDocument(
                lp.code(),
                lp.entity(),
                lp.name(),
                lp.url(),
                lp.formCode(),
                lp.status(),
                lp.createdAt(),
                lp.updatedAt(),
                lp.version(),
                lp.outbox());
    }

    static Lp lp(LpDocument d) {
        return new Lp(
                d.code(),
                d.entity(),
                d.name(),
                d.url(),
                d.formCode(),
                d.status(),
                d.createdAt(),
                d.updatedAt(),
                d.version(),
                d.outbox());
    }
}
