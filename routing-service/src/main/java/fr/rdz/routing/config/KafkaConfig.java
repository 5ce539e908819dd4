package fr.rdz.routing.config;

import fr.rdz.events.Topics;
import fr.rdz.kit.kafka.KafkaErrorPolicy;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * routing-service's use of the kit's Kafka error policy for every listener ({@code rdz.kafka.error-policy.*} in
 * application.yml: 4 retries backing off from 500 ms, doubling, then {@code <topic>.routing-service.dlt}, as raw bytes
 * when undecodable), and the dead-letter topics it creates.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    static final List<String> CONSUMED =
            List.of(Topics.LEAD_RECEIVED, Topics.LEAD_DELIVERED, Topics.DELIVERY_OUTCOME, Topics.RUN_COMPLETED);

    @Bean
    KafkaAdmin.NewTopics deadLetterTopics(KafkaErrorPolicy policy) {
        return policy.deadLetterTopics(CONSUMED);
    }
}
