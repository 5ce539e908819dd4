package fr.rdz.routing.stats.mongo;

import fr.rdz.routing.stats.domain.Figure;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Builds {@link FigureRollupProjector}'s read models from every stored figure once, on a database
 * recorded before they existed: at start-up, before any listener consumes, unless the marker
 * {@code read_models/figure_rollups_v2} says it was done ({@code v1}: before {@code figure_totals},
 * so a database marked {@code v1} only is rebuilt whole). It rebuilds from scratch (an interrupted
 * back-fill is redone entirely at the next start) and marks every figure {@code projected}.
 */
@Component
class FigureRollupBackfill implements InitializingBean {

    static final String MARKER = "figure_rollups_v2";
    private static final Logger log = LoggerFactory.getLogger(FigureRollupBackfill.class);

    private final ReactiveMongoTemplate mongo;

    FigureRollupBackfill(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.findById(MARKER, Document.class, "read_models")
                .hasElement()
                .flatMap(done -> done ? Mono.empty() : rebuild())
                .block(Duration.ofMinutes(10));
    }

    Mono<Void> rebuild() {
        Map<String, Document> days = new LinkedHashMap<>();
        Map<String, Map<String, Long>> forms = new HashMap<>();
        Map<String, Document> totals = new HashMap<>();
        return mongo.findAll(FigureDocument.class, "figures")
                .doOnNext(f -> add(days, forms, totals, f))
                .count()
                .flatMap(count -> mongo.remove(new Query(), FigureRollupProjector.DAYS)
                        .then(mongo.remove(new Query(), FigureRollupProjector.FORMS))
                        .then(mongo.remove(new Query(), FigureTotals.COLLECTION))
                        .thenMany(Flux.fromIterable(days.values())
                                .buffer(500)
                                .concatMap(b -> mongo.insert(b, FigureRollupProjector.DAYS)))
                        .thenMany(Flux.fromIterable(forms.entrySet())
                                .map(e -> new Document("_id", e.getKey()).append("c", new Document(e.getValue())))
                                .buffer(500)
                                .concatMap(b -> mongo.insert(b, FigureRollupProjector.FORMS)))
                        .thenMany(Flux.fromIterable(totals.values())
                                .buffer(500)
                                .concatMap(b -> mongo.insert(b, FigureTotals.COLLECTION)))
                        .then(mongo.updateMulti(
                                Query.query(Criteria.where("projected").ne(true)),
                                new Update().set("projected", true),
                                "figures"))
                        .then(mongo.insert(new Document("_id", MARKER), "read_models")
                                .onErrorResume(DuplicateKeyException.class, e -> Mono.empty()))
                        .doOnSuccess(x -> {
                            if (count > 0) {
                                log.info(
                                        "figure read models back-filled from {} figures ({} entity-days, {} forms, {} totals)",
                                        count,
                                        days.size(),
                                        forms.size(),
                                        totals.size());
                            }
                        }))
                .then();
    }

    private static void add(
            Map<String, Document> days,
            Map<String, Map<String, Long>> forms,
            Map<String, Document> totals,
            FigureDocument f) {
        Figure figure = f.toFigure();
        Map<String, Object> dims = FigureRollupProjector.dimensions(figure);
        Map<String, Integer> counts = f.counts() == null ? Map.of() : f.counts();
        Document day = days.computeIfAbsent(
                FigureRollupProjector.dayId(dims), id -> new Document("_id", id).append("rows", new Document()));
        Document row = (Document) day.get("rows", Document.class)
                .computeIfAbsent(FigureRollupProjector.rowKey(dims), k -> new Document("d", new Document(dims))
                        .append("c", new Document()));
        FigureTotals.add(totals, dims, counts);
        Document c = row.get("c", Document.class);
        counts.forEach((counter, n) -> c.put(counter, ((Number) c.getOrDefault(counter, 0L)).longValue() + n));
        if (f.formCode() != null && !counts.isEmpty()) {
            Map<String, Long> form = forms.computeIfAbsent(f.formCode(), k -> new LinkedHashMap<>());
            counts.forEach((counter, n) -> form.merge(counter, n.longValue(), Long::sum));
        }
    }
}
