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
import reactor.core.scheduler.Schedulers;

/** UP when the Kafka cluster answers a describe-cluster within the timeout; the broker count is shown. */
public class KafkaHealthIndicator extends AbstractReactiveHealthIndicator implements DisposableBean {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

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
        return Mono.fromCallable(() -> {
                    var cluster =
                            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
                    String clusterId = cluster.clusterId().get();
                    int nodes = cluster.nodes().get().size();
                    return builder.up()
                            .withDetail("cluster_id", clusterId)
                            .withDetail("brokers", nodes)
                            .build();
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(2));
    }
}
