package fr.rdz.kit.kafka;

import fr.rdz.kit.MaskingProducerListener;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.retrytopic.RetryTopicConfigurationBuilder;
import org.springframework.kafka.retrytopic.SameIntervalTopicReuseStrategy;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;

/**
 * The one Kafka error policy of every service, configured by {@link KafkaErrorPolicyProperties}: a record that
 * fails is retried a bounded number of times with back-off (fixed or exponential, up to a maximum interval), then
 * goes to {@code <topic>.<service>.dlt} (as its raw bytes when it could not even be deserialised). A service that
 * needs non-blocking retries builds them with {@link #retryTopics(String)}: topics
 * {@code <topic>.<service>.retry-0}…{@code -N} (one per attempt), then the same {@code <topic>.<service>.dlt}.
 */
public final class KafkaErrorPolicy implements DisposableBean {

    private final String service;
    private final KafkaErrorPolicyProperties settings;
    private final DefaultKafkaProducerFactory<Object, byte[]> rawFactory;
    private final KafkaTemplate<Object, byte[]> rawRecords;

    public KafkaErrorPolicy(String service, KafkaErrorPolicyProperties settings, KafkaProperties kafka) {
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("the Kafka error policy needs the service's name");
        }
        this.service = service;
        this.settings = settings;
        Map<String, Object> config = new LinkedHashMap<>(kafka.buildProducerProperties(null));
        config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        Map<Class<?>, Serializer<?>> keys = new LinkedHashMap<>();
        keys.put(byte[].class, new ByteArraySerializer());
        keys.put(String.class, new StringSerializer());
        this.rawFactory = new DefaultKafkaProducerFactory<>(
                config, new DelegatingByTypeSerializer(keys), new ByteArraySerializer());
        this.rawRecords = MaskingProducerListener.onto(new KafkaTemplate<>(rawFactory));
    }

    public String service() {
        return service;
    }

    /** {@code <topic>.<service>.dlt}. */
    public String deadLetterTopic(String topic) {
        return deadLetterTopic(topic, service);
    }

    /** {@code <topic>.<service>.dlt}, for a test or a document that names a service's dead-letter topic. */
    public static String deadLetterTopic(String topic, String service) {
        return topic + "." + service + ".dlt";
    }

    /** {@code .<service>.dlt}. */
    public String deadLetterSuffix() {
        return "." + service + ".dlt";
    }

    /** {@code .<service>.retry} (each retry topic then ends with {@code -<attempt index>}). */
    public String retrySuffix() {
        return "." + service + ".retry";
    }

    /** The template forwarding a record that could not be deserialised, as its raw bytes. */
    public KafkaTemplate<Object, byte[]> rawRecords() {
        return rawRecords;
    }

    /**
     * Blocking retries with the configured back-off, then {@code <topic>.<service>.dlt}; {@code records} forwards
     * every readable record (the service's envelope template).
     */
    public DefaultErrorHandler errorHandler(KafkaOperations<?, ?> records) {
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, rawRecords);
        templates.put(Object.class, records);
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(
                templates, (record, e) -> new TopicPartition(deadLetterTopic(record.topic()), -1));
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(settings.retries());
        backOff.setInitialInterval(settings.interval().toMillis());
        backOff.setMultiplier(settings.multiplier());
        backOff.setMaxInterval(settings.maxInterval().toMillis());
        return new DefaultErrorHandler(recoverer, backOff);
    }

    /** The dead-letter topics of the topics a service consumes with {@link #errorHandler}, as a bean to declare. */
    public KafkaAdmin.NewTopics deadLetterTopics(Collection<String> consumed) {
        return new KafkaAdmin.NewTopics(deadLetterTopicsOf(consumed).toArray(NewTopic[]::new));
    }

    /** {@code <topic>.<service>.dlt} of each consumed topic, with the configured partitions. */
    public List<NewTopic> deadLetterTopicsOf(Collection<String> consumed) {
        return consumed.stream()
                .map(topic -> TopicBuilder.name(deadLetterTopic(topic))
                        .partitions(settings.deadLetterPartitions())
                        .build())
                .toList();
    }

    /**
     * Non-blocking retries of {@code topic}, named the kit's way: {@code <topic>.<service>.retry-0}…, one topic per
     * attempt even when two delays are equal, then {@code <topic>.<service>.dlt}. The service adds its back-off,
     * attempts, exclusions, dead-letter handler and topic sizes, then {@code create(template)}.
     */
    public RetryTopicConfigurationBuilder retryTopics(String topic) {
        return RetryTopicConfigurationBuilder.newInstance()
                .includeTopic(topic)
                .retryTopicSuffix(retrySuffix())
                .dltSuffix(deadLetterSuffix())
                .suffixTopicsWithIndexValues()
                .sameIntervalTopicReuseStrategy(SameIntervalTopicReuseStrategy.MULTIPLE_TOPICS);
    }

    @Override
    public void destroy() {
        rawFactory.destroy();
    }
}
