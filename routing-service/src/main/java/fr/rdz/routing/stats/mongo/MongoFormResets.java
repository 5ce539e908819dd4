package fr.rdz.routing.stats.mongo;

import fr.rdz.routing.stats.application.FormResets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@link FormResets} in {@code form_stats} ({@link FormStatsDocument}, keyed by form code): reads by {@code _id},
 * a first reset is an insert (a duplicate key: another came first), a later one a replacement filtered on
 * {@code _id} and the version read.
 */
@Component
public class MongoFormResets implements FormResets {

    private final ReactiveMongoTemplate mongo;

    public MongoFormResets(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Map<String, FormReset>> of(Collection<String> formCodes) {
        return mongo.find(Query.query(Criteria.where("_id").in(formCodes)), FormStatsDocument.class)
                .collectMap(FormStatsDocument::formCode, MongoFormResets::reset);
    }

    @Override
    public Mono<FormReset> of(String formCode) {
        return mongo.findById(formCode, FormStatsDocument.class).map(MongoFormResets::reset);
    }

    @Override
    public Mono<Boolean> store(FormReset reset, FormReset read) {
        FormStatsDocument changed = document(reset);
        Mono<Boolean> write = read == null
                ? mongo.insert(changed).thenReturn(true)
                : mongo.findAndReplace(
                                Query.query(Criteria.where("_id")
                                        .is(reset.formCode())
                                        .and("version")
                                        .is(read.version())),
                                changed)
                        .thenReturn(true)
                        .defaultIfEmpty(false);
        return write.onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
    }

    private static FormReset reset(FormStatsDocument d) {
        List<Snapshot> snapshots = d.snapshots() == null
                ? List.of()
                : d.snapshots().stream()
                        .map(s -> new Snapshot(s.id(), s.takenAt(), s.takenBy(), s.since(), s.counts()))
                        .toList();
        return new FormReset(d.formCode(), d.baseline(), d.since(), snapshots, d.version());
    }

    private static FormStatsDocument document(FormReset r) {
        return new FormStatsDocument(
                r.formCode(),
                r.baseline(),
                r.since(),
                r.snapshots().stream()
                        .map(s ->
                                new FormStatsDocument.Snapshot(s.id(), s.takenAt(), s.takenBy(), s.since(), s.counts()))
                        .toList(),
                r.version());
    }
}
