package fr.rdz.delivery.config;

import com.mongodb.client.model.Indexes;
import fr.rdz.delivery.pool.application.ErasingExpiredPersonalData;
import fr.rdz.kit.PersonalDataSweep;
import java.time.Duration;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * Delivery's sweeps for the kit's retention job: the pool, the ledger's phones, the batches' event
 * payloads; and the index the pool's range uses (created at start and awaited).
 */
@Configuration
class RetentionConfig implements InitializingBean {

    private final MongoCollections collections;

    RetentionConfig(MongoCollections collections) {
        this.collections = collections;
    }

    @Override
    public void afterPropertiesSet() {
        collections
                .get(MongoCollections.POOL)
                .flatMap(c -> Mono.from(c.createIndex(Indexes.ascending("received_at"))))
                .block(Duration.ofSeconds(60));
    }

    @Bean
    PersonalDataSweep deliveryPoolRetention(ErasingExpiredPersonalData expiring) {
        return PersonalDataSweep.of("pool_leads", expiring::pool);
    }

    @Bean
    PersonalDataSweep deliveryLedgerRetention(ErasingExpiredPersonalData expiring) {
        return PersonalDataSweep.of("ledger", expiring::ledger);
    }

    @Bean
    PersonalDataSweep deliveryBatchesRetention(ErasingExpiredPersonalData expiring) {
        return PersonalDataSweep.of("batches", expiring::batches);
    }
}
