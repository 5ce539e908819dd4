package fr.rdz.crmpush.push.config;

import fr.rdz.crmpush.push.domain.UnreadableTaskException;
import fr.rdz.crmpush.push.kafka.RetryHeaders;
import fr.rdz.events.Topics;
import fr.rdz.kit.MaskingProducerListener;
import fr.rdz.kit.kafka.KafkaErrorPolicy;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaRetryTopic;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.retrytopic.RetryTopicConfiguration;
import org.springframework.kafka.retrytopic.RetryTopicSchedulerWrapper;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * crm-push's use of the kit's Kafka error policy ({@code KafkaErrorPolicy}).
 * <ul>
 *   <li>Task topic {@code rdz.crm-push.tasks.v1} (JSON bytes, keyed by phone): non-blocking retry topics
 *       {@code <tasks>.crm-push-service.retry-0}…{@code -N} (one per configured delay), then
 *       {@code <tasks>.crm-push-service.dlt}; all created
 *       explicitly with the task topic's partitions and replication. Unreadable records go straight to the DLT; an
 *       open circuit or any CRM failure follows the retry path.</li>
 *   <li>{@code rdz.delivery.planned.v1}: the kit's blocking policy ({@code rdz.kafka.error-policy.retries}: two
 *       quick retries), then {@code rdz.delivery.planned.v1.crm-push-service.dlt}.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaRetryTopic
class PushKafkaConfig {

    /** The byte-valued producer of push tasks (and of their retry/DLT hops); not a KafkaTemplate bean, so Boot's envelope template stays. */
    static final class TaskRecords implements DisposableBean {
        private final DefaultKafkaProducerFactory<String, byte[]> factory;
        private final KafkaTemplate<String, byte[]> template;

        TaskRecords(KafkaProperties kafka) {
            Map<String, Object> config = kafka.buildProducerProperties(null);
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            this.factory = new DefaultKafkaProducerFactory<>(config);
            this.template = MaskingProducerListener.onto(new KafkaTemplate<>(factory));
        }

        KafkaTemplate<String, byte[]> template() {
            return template;
        }

        @Override
        public void destroy() {
            factory.destroy();
        }
    }

    @Bean
    TaskRecords pushTaskRecords(KafkaProperties kafka) {
        return new TaskRecords(kafka);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> pushTaskListenerContainerFactory(
            KafkaProperties kafka, CrmPushProperties properties) {
        Map<String, Object> config = kafka.buildConsumerProperties(null);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.remove("spring.deserializer.value.delegate.class");
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config));
        // The push listener returns a Mono and its offset is committed when the push starts, not when it ends:
        // spring-kafka's async acks would pause the whole consumer until every record of a poll is done, so one
        // hanging CRM would hold every other client's pushes. A push interrupted by a crash is not lost: the ledger
        // knows it and RecoveringStalledPushes puts it back on the task topic.
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        factory.getContainerProperties().setPollTimeout(properties.pollTimeout().toMillis());
        factory.setRecordInterceptor(new RetryHeaders(properties.tasksTopic()));
        return factory;
    }

    @Bean
    RetryTopicConfiguration pushRetryTopics(
            KafkaErrorPolicy policy, TaskRecords records, CrmPushProperties properties) {
        return policy.retryTopics(properties.tasksTopic())
                .listenerFactory("pushTaskListenerContainerFactory")
                .customBackoff(new ListedBackOffPolicy(properties.retryDelays()))
                .maxAttempts(properties.schedule().maxAttempts())
                .autoCreateTopicsWith(properties.partitions(), properties.replication())
                .notRetryOn(UnreadableTaskException.class)
                .traversingCauses()
                .dltHandlerMethod("pushTaskListener", "onDeadLetter")
                .concurrency(properties.listenerConcurrency())
                .create(records.template());
    }

    /** Resumes paused retry partitions when their delay is over (a scheduler of its own, not the application's). */
    @Bean
    RetryTopicSchedulerWrapper retryTopicSchedulerWrapper() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("crm-push-retry-");
        scheduler.setPoolSize(1);
        scheduler.initialize();
        return new RetryTopicSchedulerWrapper(scheduler);
    }

    /** The dead-letter topic of the {@code delivery.planned} consumer, whose error handler is the kit's. */
    @Bean
    KafkaAdmin.NewTopics plannedDeadLetterTopic(KafkaErrorPolicy policy) {
        return policy.deadLetterTopics(List.of(Topics.DELIVERY_PLANNED));
    }
}
