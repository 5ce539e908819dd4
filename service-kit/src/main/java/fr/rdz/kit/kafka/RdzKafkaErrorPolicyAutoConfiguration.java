package fr.rdz.kit.kafka;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The Kafka error policy every service (an application with a {@code spring.application.name}) gets: the {@link KafkaErrorPolicy} bean, the error handler of Boot's
 * listener container factory (unless the service declares its own {@link CommonErrorHandler}) and, when the
 * service declares a {@link PersonErasure}, the one {@link PersonErasedListener} with its container factory.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnBean(KafkaProperties.class)
@ConditionalOnProperty("spring.application.name")
@EnableConfigurationProperties(KafkaErrorPolicyProperties.class)
public class RdzKafkaErrorPolicyAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    KafkaErrorPolicy kafkaErrorPolicy(
            KafkaErrorPolicyProperties settings,
            KafkaProperties kafka,
            @Value("${spring.application.name:}") String applicationName) {
        String service = settings.service().isBlank() ? applicationName : settings.service();
        return new KafkaErrorPolicy(service, settings, kafka);
    }

    /** Picked up by Boot's listener container factory. */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    @ConditionalOnBean(name = "kafkaTemplate")
    DefaultErrorHandler kafkaErrorHandler(KafkaErrorPolicy policy, KafkaTemplate<?, ?> kafkaTemplate) {
        return policy.errorHandler(kafkaTemplate);
    }

    @Bean
    @ConditionalOnBean(PersonErasure.class)
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
    @ConditionalOnBean(PersonErasure.class)
    PersonErasedListener personErasedListener(PersonErasure erasure) {
        return new PersonErasedListener(erasure);
    }
}
