package fr.rdz.kit;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.ProducerListener;

/**
 * Kafka habits every service shares: the producer listener that masks record keys (phones) in logs,
 * in place of spring-kafka's {@code LoggingProducerListener}: Boot's template gets it as the
 * {@code ProducerListener} bean, and every other {@code KafkaTemplate} bean a service declares gets
 * it too (a template made with {@code new} outside a bean must call {@link MaskingProducerListener#onto}).
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@ConditionalOnClass(ProducerListener.class)
public class RdzKafkaAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ProducerListener.class)
    MaskingProducerListener kafkaProducerListener() {
        return new MaskingProducerListener();
    }

    @Bean
    static BeanPostProcessor maskingEveryKafkaTemplate() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof KafkaTemplate<?, ?> template) {
                    MaskingProducerListener.onto(template);
                }
                return bean;
            }
        };
    }
}
