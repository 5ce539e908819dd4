package fr.rdz.routing.config;

import fr.rdz.events.Envelope;
import fr.rdz.events.Topics;
import fr.rdz.kit.MaskingProducerListener;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * routing-service's one error policy for every listener: a few retries with backoff, then the
 * record goes to {@code <topic>.routing-service.dlt} (undecodable records as their raw bytes).
 */
@Configuration
class KafkaConfig {

    static final String DLT_SUFFIX = ".routing-service.dlt";

    static final List<String> CONSUMED =
            List.of(Topics.LEAD_RECEIVED, Topics.LEAD_DELIVERED, Topics.DELIVERY_OUTCOME, Topics.RUN_COMPLETED);

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, Envelope<?>> template, KafkaProperties properties) {
        Map<String, Object> raw = properties.buildProducerProperties(null);
        raw.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        KafkaTemplate<Object, Object> bytes =
                MaskingProducerListener.onto(new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(raw)));
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, bytes);
        templates.put(Envelope.class, template);
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(
                templates, (record, e) -> new TopicPartition(record.topic() + DLT_SUFFIX, -1));
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxAttempts(4);
        return new DefaultErrorHandler(recoverer, backOff);
    }

    @Bean
    KafkaAdmin.NewTopics deadLetterTopics() {
        return new KafkaAdmin.NewTopics(CONSUMED.stream()
                .map(t -> new NewTopic(t + DLT_SUFFIX, 1, (short) 1))
                .toArray(NewTopic[]::new));
    }
}
