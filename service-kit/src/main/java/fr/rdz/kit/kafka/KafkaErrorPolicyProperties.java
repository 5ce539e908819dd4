package fr.rdz.kit.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A service's settings of the one Kafka error policy ({@code rdz.kafka.error-policy.*}); the shape is the kit's.
 *
 * @param service the {@code <service>} of {@code <topic>.<service>.dlt} and {@code <topic>.<service>.retry-N};
 *     empty: {@code spring.application.name}
 * @param retries blocking retries before a record is dead-lettered (the first delivery not counted)
 * @param interval the wait before the first retry
 * @param multiplier each next wait is the previous one times this ({@code 1} = fixed interval)
 * @param maxInterval the longest wait between two retries
 * @param deadLetterPartitions partitions of the dead-letter topics the service creates
 */
@ConfigurationProperties("rdz.kafka.error-policy")
public record KafkaErrorPolicyProperties(
        @DefaultValue("") String service,
        @DefaultValue("3") int retries,
        @DefaultValue("1s") Duration interval,
        @DefaultValue("1") double multiplier,
        @DefaultValue("1m") Duration maxInterval,
        @DefaultValue("3") int deadLetterPartitions) {

    public KafkaErrorPolicyProperties {
        if (retries < 0 || multiplier < 1 || interval.isNegative() || maxInterval.compareTo(interval) < 0) {
            throw new IllegalArgumentException("rdz.kafka.error-policy: retries >= 0, multiplier >= 1 and"
                    + " interval <= max-interval expected, got " + retries + ", " + multiplier + ", " + interval
                    + ", " + maxInterval);
        }
        if (deadLetterPartitions <= 0) {
            throw new IllegalArgumentException(
                    "rdz.kafka.error-policy.dead-letter-partitions must be positive, got " + deadLetterPartitions);
        }
    }
}
