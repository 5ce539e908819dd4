package fr.rdz.delivery.config;

import fr.rdz.kit.MaskingProducerListener;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The one error policy of delivery-service's consumers: 3 retries 1 s apart, then the record goes to
 * {@code <topic>.delivery.dlt} (undecodable records as their raw bytes).
 */
@Configuration
class KafkaErrorPolicy {

    static final String DLT_SUFFIX = ".delivery.dlt";
    static final List<String> CONSUMED = ConsumedTopics.ALL;

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<Object, Object> template, KafkaProperties properties) {
        Map<String, Object> raw = new LinkedHashMap<>(properties.buildProducerProperties(null));
        raw.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        raw.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        KafkaTemplate<Object, Object> bytes =
                MaskingProducerListener.onto(new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(raw)));
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, bytes);
        templates.put(Object.class, template);
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(
                templates, (record, ex) -> new TopicPartition(record.topic() + DLT_SUFFIX, -1));
        return new DefaultErrorHandler(recoverer, new FixedBackOff(1000L, 3));
    }

    @Bean
    KafkaAdmin.NewTopics deliveryDeadLetterTopics() {
        return new KafkaAdmin.NewTopics(CONSUMED.stream()
                .map(t -> TopicBuilder.name(t + DLT_SUFFIX).partitions(1).build())
                .toArray(NewTopic[]::new));
    }
}
