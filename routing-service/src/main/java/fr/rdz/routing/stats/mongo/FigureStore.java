package fr.rdz.routing.stats.mongo;

import fr.rdz.routing.stats.domain.Figure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.domain.Sort;
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
public class FigureStore {

    private final ReactiveMongoTemplate mongo;

    public FigureStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Void> record(Figure figure) {
        return mongo.save(FigureDocument.of(figure), "figures").then();
    }

    /** One row per value of {@code groupField}: the key and every counter summed. */
    public Flux<Map<String, Object>> sum(Criteria match, String groupField) {
        GroupOperation group = Aggregation.group(groupField);
        for (String counter : Figure.COUNTERS) {
            group = group.sum("counts." + counter).as(counter);
        }
        List<AggregationOperation> ops = new ArrayList<>();
        ops.add(Aggregation.match(match));
        ops.add(group);
        ops.add(Aggregation.sort(Sort.by("_id")));
        return mongo.aggregate(Aggregation.newAggregation(ops), "figures", Document.class)
                .map(doc -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    Object key = doc.get("_id");
                    row.put("key", key == null ? null : key.toString());
                    for (String counter : Figure.COUNTERS) {
                        Object v = doc.get(counter);
                        row.put(counter, v instanceof Number n ? n.longValue() : 0L);
                    }
                    return row;
                });
    }
}
