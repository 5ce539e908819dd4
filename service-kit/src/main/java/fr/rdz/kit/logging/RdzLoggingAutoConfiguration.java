package fr.rdz.kit.logging;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * The correlation ids of consumed events in the MDC: Spring Boot's listener container factory
 * (and every factory built with its configurer) takes this single {@link RecordInterceptor}.
 */
@AutoConfiguration
@ConditionalOnClass(RecordInterceptor.class)
public class RdzLoggingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(RecordInterceptor.class)
    CorrelationRecordInterceptor correlationRecordInterceptor() {
        return new CorrelationRecordInterceptor();
    }
}
