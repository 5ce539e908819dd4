package fr.rdz.intake.config;

import fr.rdz.kit.MaskingProducerListener;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The one consumer error policy of intake (catalog listeners): 3 retries one second apart, then
 * the record goes to {@code <topic>.intake-service.dlt} — as raw bytes when it could not even be
 * deserialised.
 */
@Configuration
class KafkaConfig {

    static final String DLT_SUFFIX = ".intake-service.dlt";

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaOperations<String, Object> template, KafkaProperties properties) {
        Map<String, Object> bytes = properties.buildProducerProperties(null);
        bytes.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        bytes.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        KafkaTemplate<byte[], byte[]> raw =
                MaskingProducerListener.onto(new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(bytes)));
        Map<Class<?>, KafkaOperations<?, ?>> templates = new java.util.LinkedHashMap<>();
        templates.put(byte[].class, raw);
        templates.put(Object.class, template);
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(
                templates, (record, e) -> new TopicPartition(record.topic() + DLT_SUFFIX, -1));
        return new DefaultErrorHandler(recoverer, new FixedBackOff(1000L, 3));
    }
}
