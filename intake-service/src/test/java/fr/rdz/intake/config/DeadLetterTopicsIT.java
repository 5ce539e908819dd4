package fr.rdz.intake.config;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.intake.IntakeIntegrationTest;
import fr.rdz.stack.RdzTestStack;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;

/** intake's catalog listeners follow the kit's error policy: it creates their {@code <topic>.intake-service.dlt}. */
class DeadLetterTopicsIT extends IntakeIntegrationTest {

    @Test
    void createsTheDeadLetterTopicOfEachCatalogTopic() throws Exception {
        List<String> deadLetters =
                List.of("rdz.catalog.forms.v1.intake-service.dlt", "rdz.catalog.lps.v1.intake-service.dlt");
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RdzTestStack.get().kafkaBootstrapServers()))) {
            Map<String, TopicDescription> topics =
                    admin.describeTopics(deadLetters).allTopicNames().get();
            assertThat(topics).containsOnlyKeys(deadLetters);
        }
    }
}
