package fr.rdz.delivery.config;

import fr.rdz.delivery.pool.application.ErasingExpiredPersonalData;
import fr.rdz.kit.PersonalDataSweep;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Delivery's sweeps for the kit's retention job: the pool, the ledger's phones, the batches' event
 * payloads (the index the pool's range uses is {@code MongoCollections}').
 */
@Configuration
class RetentionConfig {

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
