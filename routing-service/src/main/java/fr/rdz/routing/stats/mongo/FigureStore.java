package fr.rdz.routing.stats.mongo;

import fr.rdz.routing.stats.application.Figures;
import fr.rdz.routing.stats.domain.Figure;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.aggregation.GroupOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Records figures (idempotent: keyed by fact) and sums them server-side with one aggregation. */
@Component
public class FigureStore implements Figures {

    private final ReactiveMongoTemplate mongo;
    private final FigureRollupProjector rollups;

    public FigureStore(ReactiveMongoTemplate mongo, FigureRollupProjector rollups) {
        this.mongo = mongo;
        this.rollups = rollups;
    }

    /**
     * Stores the figure once (keyed by its fact) and adds it to the dashboard's read models; a figure
     * recorded again is projected only if it was not yet (a crash between its insert and its projection).
     */
    @Override
    public Mono<Void> record(Figure figure) {
        return mongo.insert(FigureDocument.of(figure), "figures")
                .then(rollups.project(figure))
                .onErrorResume(DuplicateKeyException.class, e -> mongo.findById(figure.id(), Document.class, "figures")
                        .filter(stored -> !Boolean.TRUE.equals(stored.get("projected")))
                        .flatMap(stored -> rollups.project(figure)));
    }

    /**
     * One row per combination of the grouped fields: {@code key} (values joined by {@code |}), each
     * dimension under its name, and every counter summed.
     */
    public Flux<Map<String, Object>> sum(Criteria match, Map<String, String> dimensions) {
        return sum(match, dimensions, Figure.COUNTERS);
    }

    /** The same with only some counters summed (the others answer 0): fewer sums per figure scanned. */
    public Flux<Map<String, Object>> sum(Criteria match, Map<String, String> dimensions, List<String> counters) {
        List<String> fields = List.copyOf(dimensions.values());
        GroupOperation group = Aggregation.group(fields.toArray(String[]::new));
        for (String counter : counters) {
            group = group.sum("counts." + counter).as(counter);
        }
        List<AggregationOperation> ops = new ArrayList<>();
        ops.add(Aggregation.match(match));
        ops.add(group);
        return mongo.aggregate(Aggregation.newAggregation(ops), "figures", Document.class)
                .map(doc -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    Object id = doc.get("_id");
                    List<String> values = new ArrayList<>();
                    dimensions.forEach((name, field) -> {
                        Object v = id instanceof Document d ? d.get(field) : id;
                        String value = v == null ? null : v.toString();
                        values.add(value == null ? "" : value);
                        row.put(name, value);
                    });
                    row.put("key", String.join("|", values));
                    for (String counter : Figure.COUNTERS) {
                        Object v = doc.get(counter);
                        row.put(counter, v instanceof Number n ? n.longValue() : 0L);
                    }
                    return row;
                })
                .sort(Comparator.comparing(r -> (String) r.get("key")));
    }
}
