package fr.rdz.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.retrytopic.DestinationTopic;
import org.springframework.kafka.retrytopic.RetryTopicConfiguration;

class KafkaErrorPolicyTest {

    private final List<KafkaErrorPolicy> made = new ArrayList<>();

    @AfterEach
    void closeProducers() {
        made.forEach(KafkaErrorPolicy::destroy);
    }

    private KafkaErrorPolicy policy(String service) {
        KafkaErrorPolicy policy = new KafkaErrorPolicy(
                service,
                new KafkaErrorPolicyProperties("", 3, Duration.ofSeconds(1), 1.0, Duration.ofMinutes(1), 3),
                new KafkaProperties());
        made.add(policy);
        return policy;
    }

    @Test
    void namesEveryDeadLetterTopicTopicDotServiceDotDlt() {
        KafkaErrorPolicy policy = policy("delivery-service");

        assertThat(policy.deadLetterTopic("rdz.lead.routed.v1")).isEqualTo("rdz.lead.routed.v1.delivery-service.dlt");
        assertThat(KafkaErrorPolicy.deadLetterTopic("rdz.lead.routed.v1", "delivery-service"))
                .isEqualTo(policy.deadLetterTopic("rdz.lead.routed.v1"));
        assertThat(policy.retrySuffix()).isEqualTo(".delivery-service.retry");
    }

    @Test
    void createsTheDeadLetterTopicOfEveryConsumedTopicWithTheConfiguredPartitions() {
        KafkaErrorPolicy policy = policy("routing-service");

        List<NewTopic> topics = policy.deadLetterTopicsOf(List.of("a.v1", "b.v1"));

        assertThat(topics)
                .extracting(NewTopic::name)
                .containsExactly("a.v1.routing-service.dlt", "b.v1.routing-service.dlt");
        assertThat(topics).extracting(NewTopic::numPartitions).containsOnly(3);
    }

    @Test
    void retryTopicsAreOnePerAttemptAndEndInTheSameDeadLetterTopicAsBlockingRetries() {
        KafkaErrorPolicy policy = policy("notifier-service");

        RetryTopicConfiguration retries = policy.retryTopics("rdz.delivery.planned.v1")
                .maxAttempts(4)
                .fixedBackOff(10)
                .create(new KafkaTemplate<>(policy.rawRecords().getProducerFactory()));

        assertThat(retries.getDestinationTopicProperties())
                .extracting(DestinationTopic.Properties::suffix)
                .containsExactly(
                        "",
                        ".notifier-service.retry-0",
                        ".notifier-service.retry-1",
                        ".notifier-service.retry-2",
                        ".notifier-service.dlt");
    }

    @Test
    void refusesAPolicyWithoutAServiceName() {
        assertThatThrownBy(() -> policy(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
