package fr.rdz.intake.config;

import fr.rdz.events.Topics;
import fr.rdz.kit.kafka.KafkaErrorPolicy;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * intake's use of the kit's Kafka error policy ({@code rdz.kafka.error-policy.*}, the kit's defaults: 3 retries 1 s
 * apart, then {@code <topic>.intake-service.dlt}, as raw bytes when undecodable) for its catalog listeners, and the
 * dead-letter topics it creates. {@code rdz.person.erased.v1} is the kit's {@code PersonErasedListener}'s (never
 * dead-lettered).
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    /** The topics intake consumes with the kit's error handler. */
    static final List<String> CONSUMED = List.of(Topics.CATALOG_FORMS, Topics.CATALOG_LPS);

    @Bean
    KafkaAdmin.NewTopics intakeDeadLetterTopics(KafkaErrorPolicy policy) {
        return policy.deadLetterTopics(CONSUMED);
    }
}
