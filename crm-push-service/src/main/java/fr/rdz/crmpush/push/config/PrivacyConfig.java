package fr.rdz.crmpush.push.config;

import fr.rdz.crmpush.push.application.ErasingExpiredPersonalData;
import fr.rdz.crmpush.push.application.ErasingPerson;
import fr.rdz.crmpush.push.kafka.PersonErasedListener;
import fr.rdz.crmpush.push.mongo.MongoPushPersonalData;
import fr.rdz.kit.PersonalDataSweep;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.kafka.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Personal data in crm-push: erasure on {@code PersonErased} (its own listener factory: Boot's settings,
 * an error policy that retries an erasure until it is done rather than dead-lettering it) and the sweeps of
 * the kit's retention job.
 */
@Configuration(proxyBeanMethods = false)
class PrivacyConfig {

    @Bean
    MongoPushPersonalData pushPersonalData(ReactiveMongoTemplate mongo) {
        MongoPushPersonalData data = new MongoPushPersonalData(mongo);
        data.createIndexes().block(Duration.ofSeconds(30));
        return data;
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

    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> personErasedListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers);
        ExponentialBackOff backOff = new ExponentialBackOff(1_000L, 2.0);
        backOff.setMaxInterval(60_000L);
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return factory;
    }

    @Bean
    PersonErasedListener personErasedListener(ErasingPerson erasing) {
        return new PersonErasedListener(erasing);
    }
}
