package fr.rdz.kit.mongo;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Every service gets the one start-up step that creates its adapters' {@link MongoIndexes}. */
@AutoConfiguration
public class RdzMongoIndexesAutoConfiguration {

    @Bean
    CreatingMongoIndexes creatingMongoIndexes(ObjectProvider<MongoIndexes> indexes) {
        return new CreatingMongoIndexes(indexes.orderedStream().toList());
    }
}
