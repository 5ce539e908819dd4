package fr.rdz.kit;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The retention limit of personal data, the same in every service: {@link PersonalDataRetention}
 * from {@code rdz.retention.personal-data} and the daily {@link PersonalDataRetentionJob} that runs
 * the service's {@link PersonalDataSweep}s (none: the job does nothing).
 */
@AutoConfiguration(after = RdzServiceAutoConfiguration.class)
@EnableConfigurationProperties(RetentionProperties.class)
public class PersonalDataRetentionAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PersonalDataRetention personalDataRetention(RetentionProperties properties) {
        return new PersonalDataRetention(properties.personalData());
    }

    @Bean
    @ConditionalOnMissingBean
    PersonalDataRetentionJob personalDataRetentionJob(
            PersonalDataRetention retention,
            ObjectProvider<PersonalDataSweep> sweeps,
            Clock clock,
            RetentionProperties properties) {
        return new PersonalDataRetentionJob(retention, sweeps, clock, properties);
    }
}
