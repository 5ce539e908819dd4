package fr.rdz.kit;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.AbstractReactiveHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import reactor.core.publisher.Mono;

/**
 * UP when the Kafka cluster answers a describe-cluster within {@link #TIMEOUT}; DOWN otherwise, also
 * when the broker accepts connections but never answers (the whole check is bounded, no thread
 * waits on it). The cluster id and broker count are details, shown to operators only.
 */
public class KafkaHealthIndicator extends AbstractReactiveHealthIndicator implements DisposableBean {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final Admin admin;

    public KafkaHealthIndicator(KafkaProperties properties) {
        super("Kafka health check failed");
        Map<String, Object> config = properties.buildAdminProperties(null);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        this.admin = Admin.create(config);
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return Mono.defer(() -> {
                    var cluster =
                            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
                    return Mono.zip(
                            Mono.fromCompletionStage(cluster.clusterId().toCompletionStage()),
                            Mono.fromCompletionStage(cluster.nodes().toCompletionStage()));
                })
                .timeout(TIMEOUT)
                .map(answer -> builder.up()
                        .withDetail("cluster_id", answer.getT1())
                        .withDetail("brokers", answer.getT2().size())
                        .build());
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(2));
    }
}
