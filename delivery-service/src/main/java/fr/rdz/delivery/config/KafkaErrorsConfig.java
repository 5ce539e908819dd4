package fr.rdz.delivery.config;

import fr.rdz.delivery.pool.application.KeepingPoolView;
import fr.rdz.kit.kafka.KafkaErrorPolicy;
import fr.rdz.kit.kafka.PersonErasure;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * delivery-service's use of the kit's Kafka error policy ({@code rdz.kafka.error-policy.*}: 3 retries 1 s apart,
 * then {@code <topic>.delivery-service.dlt}) and of its one {@code PersonErased} listener.
 */
@Configuration(proxyBeanMethods = false)
class KafkaErrorsConfig {

    @Bean
    KafkaAdmin.NewTopics deliveryDeadLetterTopics(KafkaErrorPolicy policy) {
        return policy.deadLetterTopics(ConsumedTopics.ALL);
    }

    /** {@code rdz.person.erased.v1} → the pool view erases the person's leads and ledger phone. */
    @Bean
    PersonErasure deliveryPersonErasure(KeepingPoolView pool) {
        return pool::personErased;
    }
}
