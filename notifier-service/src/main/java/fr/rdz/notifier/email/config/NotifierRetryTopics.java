package fr.rdz.notifier.email.config;

import fr.rdz.events.Topics;
import fr.rdz.kit.kafka.KafkaErrorPolicy;
import fr.rdz.kit.kafka.PersonErasure;
import fr.rdz.notifier.email.application.ErasingPersonalData;
import fr.rdz.notifier.email.application.PermanentMailFailure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.retrytopic.DltStrategy;
import org.springframework.kafka.retrytopic.RetryTopicConfiguration;

/**
 * notifier's use of the kit's Kafka error policy: the non-blocking retry topics of {@code rdz.delivery.planned.v1}
 * ({@code .notifier-service.retry-0}…, exponential back-off from {@code rdz.notifier.retry.*}, then
 * {@code .notifier-service.dlt} handled by {@code DeliveryPlannedListener.onDeadLetter}; a {@link PermanentMailFailure}
 * goes there at once) and the kit's one {@code PersonErased} listener.
 */
@Configuration(proxyBeanMethods = false)
class NotifierRetryTopics {

    @Bean
    RetryTopicConfiguration deliveryPlannedRetryTopics(
            KafkaErrorPolicy policy,
            KafkaTemplate<String, Object> notifierRetryTemplate,
            @Value("${rdz.notifier.retry.attempts:6}") int attempts,
            @Value("${rdz.notifier.retry.delay:60000}") long delay,
            @Value("${rdz.notifier.retry.multiplier:3}") double multiplier,
            @Value("${rdz.notifier.retry.max-delay:3600000}") long maxDelay,
            @Value("${rdz.notifier.retry.partitions:3}") int partitions) {
        return policy.retryTopics(Topics.DELIVERY_PLANNED)
                .maxAttempts(attempts)
                .exponentialBackoff(delay, multiplier, maxDelay)
                .notRetryOn(PermanentMailFailure.class)
                .traversingCauses()
                .dltProcessingFailureStrategy(DltStrategy.FAIL_ON_ERROR)
                .autoCreateTopicsWith(partitions, (short) -1)
                .dltHandlerMethod("deliveryPlannedListener", "onDeadLetter")
                .create(notifierRetryTemplate);
    }

    /** {@code rdz.person.erased.v1} → the kept CSVs and failed-mail batches holding the phone are erased. */
    @Bean
    PersonErasure notifierPersonErasure(ErasingPersonalData erasing) {
        return erasing::personErased;
    }
}
