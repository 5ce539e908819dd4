package fr.rdz.crmpush.push.config;

import fr.rdz.crmpush.push.application.ErasingExpiredPersonalData;
import fr.rdz.crmpush.push.application.ErasingPerson;
import fr.rdz.crmpush.push.mongo.MongoPushPersonalData;
import fr.rdz.kit.PersonalDataSweep;
import fr.rdz.kit.kafka.PersonErasure;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * Personal data in crm-push: erasure on {@code PersonErased} (the kit's listener, which retries an erasure until
 * it is done rather than dead-lettering it) and the sweeps of the kit's retention job.
 */
@Configuration(proxyBeanMethods = false)
class PrivacyConfig {

    @Bean
    MongoPushPersonalData pushPersonalData(ReactiveMongoTemplate mongo) {
        return new MongoPushPersonalData(mongo);
    }

    @Bean
    ErasingPerson erasingPerson(MongoPushPersonalData data, Clock clock) {
        return new ErasingPerson(data, clock);
    }

    @Bean
    ErasingExpiredPersonalData erasingExpiredPersonalData(MongoPushPersonalData data, Clock clock) {
        return new ErasingExpiredPersonalData(data, clock);
    }

    @Bean
    PersonalDataSweep crmPushAttemptsRetention(ErasingExpiredPersonalData expiring) {
        return PersonalDataSweep.of("push_attempts", expiring::pushes);
    }

    @Bean
    PersonalDataSweep crmPushDeadLettersRetention(ErasingExpiredPersonalData expiring) {
        return PersonalDataSweep.of("dead_letters", expiring::deadLetters);
    }

    /** {@code rdz.person.erased.v1} → the kit's {@code PersonErasedListener} (retried until done, never dead-lettered). */
    @Bean
    PersonErasure crmPushPersonErasure(ErasingPerson erasing) {
        return erasing::erase;
    }
}
