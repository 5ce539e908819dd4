package fr.rdz.notifier.email.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import fr.rdz.events.DeliveryPlanned;
import fr.rdz.events.EventCodec;
import fr.rdz.notifier.email.application.BatchParts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link BatchParts} on reactive Mongo: collection {@code batch_parts}, one document per part,
 * {@code _id = <batch_id>#<part>} (the unique index that keeps each part once), holding the part as
 * its contract JSON. Every read and write goes by {@code _id}. Called from Kafka listener threads.
 */
@Repository
class MongoBatchParts implements BatchParts {

    static final String COLLECTION = "batch_parts";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ReactiveMongoTemplate mongo;

    MongoBatchParts(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void store(DeliveryPlanned part) {
        Document doc = new Document("_id", id(part.batchId(), part.partNumber()))
                .append("batch_id", part.batchId())
                .append("part", part.partNumber())
                .append("parts", part.partCount())
                .append("event", json(part));
        // the same part is the same content: replacing it keeps one document per batch id + part
        mongo.getCollection(COLLECTION)
                .flatMap(c -> Mono.from(
                        c.replaceOne(Filters.eq("_id", doc.get("_id")), doc, new ReplaceOptions().upsert(true))))
                .block(TIMEOUT);
    }

    @Override
    public List<DeliveryPlanned> find(String batchId, int parts) {
        List<DeliveryPlanned> found = mongo.getCollection(COLLECTION)
                .flatMapMany(c -> Flux.range(1, parts)
                        .concatMap(part -> Mono.from(
                                c.find(Filters.eq("_id", id(batchId, part))).first())))
                .map(doc -> read(doc.getString("event")))
                .collectList()
                .block(TIMEOUT.multipliedBy(Math.max(1, parts / 10)));
        return found == null ? List.of() : new ArrayList<>(found);
    }

    @Override
    public void delete(String batchId, int parts) {
        mongo.getCollection(COLLECTION)
                .flatMap(c -> Flux.range(1, parts)
                        .concatMap(part -> Mono.from(c.deleteOne(Filters.eq("_id", id(batchId, part)))))
                        .then())
                .block(TIMEOUT);
    }

    static String id(String batchId, int part) {
        return batchId + "#" + part;
    }

    private static String json(DeliveryPlanned part) {
        try {
            return EventCodec.mapper().writeValueAsString(part);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DeliveryPlanned read(String json) {
        try {
            return EventCodec.mapper().readValue(json, DeliveryPlanned.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
