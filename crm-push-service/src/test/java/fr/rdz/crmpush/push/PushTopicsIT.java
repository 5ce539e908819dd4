package fr.rdz.crmpush.push;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.crmpush.CrmPushIntegrationTest;
import fr.rdz.stack.RdzTestStack;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;

class PushTopicsIT extends CrmPushIntegrationTest {

    @Test
    void createsTheTaskRetryAndDeadLetterTopicsWithTheTaskTopicsPartitions() throws Exception {
        List<String> chain = List.of(
                TASKS,
                TASKS + ".crm-push-service.retry-0",
                TASKS + ".crm-push-service.retry-1",
                TASKS + ".crm-push-service.retry-2",
                TASKS + ".crm-push-service.retry-3",
                TASKS + ".crm-push-service.retry-4",
                TASKS + ".crm-push-service.dlt");
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RdzTestStack.get().kafkaBootstrapServers()))) {
            Map<String, TopicDescription> topics =
                    admin.describeTopics(chain).allTopicNames().get();
            assertThat(topics.values())
                    .allSatisfy(t -> assertThat(t.partitions()).hasSize(6));
            assertThat(admin.describeTopics(List.of("rdz.delivery.planned.v1.crm-push-service.dlt"))
                            .allTopicNames()
                            .get()
                            .get("rdz.delivery.planned.v1.crm-push-service.dlt")
                            .partitions())
                    .hasSize(3);
        }
    }
}
