package fr.rdz.routing.config;

import fr.rdz.kit.PersonalDataSweep;
import fr.rdz.routing.lead.application.ErasingExpiredPersonalData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Routing's sweeps for the kit's retention job: lead records, then the delivery-ledger copy. */
@Configuration
class RetentionConfig {

    @Bean
    PersonalDataSweep routingLeadsRetention(ErasingExpiredPersonalData expiring) {
        return PersonalDataSweep.of("leads", expiring::leads);
    }

    @Bean
    PersonalDataSweep routingLedgerRetention(ErasingExpiredPersonalData expiring) {
        return PersonalDataSweep.of("delivery_ledger", expiring::ledger);
    }
}
