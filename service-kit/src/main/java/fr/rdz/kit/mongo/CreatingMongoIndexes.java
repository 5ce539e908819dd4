package fr.rdz.kit.mongo;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import reactor.core.publisher.Flux;

/**
 * The one start-up step that creates every {@link MongoIndexes} of a service, one after the other, and waits for
 * them: it runs once every bean exists and before any lifecycle starts (Kafka listeners, schedulers, the web
 * server), so no query or unique-key write runs before its index. The wire server builds auto-created indexes
 * asynchronously, hence explicit and awaited.
 */
public final class CreatingMongoIndexes implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(CreatingMongoIndexes.class);

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final List<MongoIndexes> indexes;

    public CreatingMongoIndexes(List<MongoIndexes> indexes) {
        this.indexes = List.copyOf(indexes);
    }

    @Override
    public void afterSingletonsInstantiated() {
        Flux.fromIterable(indexes).concatMap(MongoIndexes::createIndexes).then().block(TIMEOUT);
        log.info("Mongo indexes of {} adapter(s) created", indexes.size());
    }
}
