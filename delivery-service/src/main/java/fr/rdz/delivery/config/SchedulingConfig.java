package fr.rdz.delivery.config;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.reactivestreams.ReactiveStreamsMongoLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.ReactiveMongoDatabaseFactory;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The 09:30 scheduler and its ShedLock (collection {@code shedLock} of rdz_delivery); off when {@code rdz.delivery.scheduling-enabled=false}. */
@Configuration
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
@ConditionalOnProperty(name = "rdz.delivery.scheduling-enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfig {

    @Bean
    LockProvider lockProvider(ReactiveMongoDatabaseFactory mongo) {
        return new ReactiveStreamsMongoLockProvider(mongo.getMongoDatabase().block());
    }
}
