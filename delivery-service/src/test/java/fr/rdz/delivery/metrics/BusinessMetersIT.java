package fr.rdz.delivery.metrics;

import static fr.rdz.delivery.DeliveryFixtures.client;
import static fr.rdz.delivery.DeliveryFixtures.commande;
import static fr.rdz.delivery.DeliveryFixtures.routed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import fr.rdz.delivery.DeliveryIntegrationTest;
import fr.rdz.delivery.mongo.MongoCollections;
import fr.rdz.delivery.pool.mongo.PoolSizeGauge;
import fr.rdz.delivery.run.mongo.OutboxBacklogGauge;
import fr.rdz.events.RoutingState;
import fr.rdz.stack.PrometheusScrape;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Delivery's business meters, as Prometheus scrapes them from {@code /actuator/prometheus}. */
class BusinessMetersIT extends DeliveryIntegrationTest {

    private static final LocalDate DATE = LocalDate.of(2031, 3, 11);
    /** A département no other test uses: only this test's lead can serve this test's commande. */
    private static final String DEP = "48";

    @Autowired
    PrometheusMeterRegistry prometheus;

    @Autowired
    PoolSizeGauge poolSize;

    @Autowired
    OutboxBacklogGauge outboxBacklog;

    @Test
    void showsThePoolSizeTheRunDurationAndTheBatchesShortOfTarget() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String clientId = "cl-meters-" + suffix;
        String commandeId = "cmd-meters-" + suffix;
        publish(client(clientId));
        publish(commande(commandeId, clientId, DEP, DATE, 3));
        publish(routed("lead-" + suffix, "0648000001", DEP, Instant.parse("2031-03-10T10:00:00Z"), RoutingState.FRESH));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(MongoCollections.POOL, Filters.eq("_id", "lead-" + suffix)) == 1
                        && count(MongoCollections.COMMANDES, Filters.eq("_id", commandeId)) == 1);

        poolSize.refresh().block(Duration.ofSeconds(30));
        assertThat(value("rdz_delivery_pool_size", "entity=ZR7")).isGreaterThanOrEqualTo(1);
        double runs = value("rdz_delivery_run_duration_seconds_count", "entity=ZR7", "outcome=recorded");
        double batches = value("rdz_delivery_batches_total", "entity=ZR7");
        double shorts = value("rdz_delivery_batches_short_total", "entity=ZR7");

        Map<?, ?> run = admin().post()
                .uri("/admin/runs")
                .bodyValue(Map.of("entity", "ZR7", "date", DATE.toString(), "dry_run", false))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        List<?> planned = (List<?>) run.get("batches");
        long plannedShort = planned.stream()
                .filter(b -> Boolean.TRUE.equals(((Map<?, ?>) b).get("short")))
                .count();
        List<String> commandes = planned.stream()
                .map(b -> String.valueOf(((Map<?, ?>) b).get("commande_id")))
                .toList();
        assertThat(commandes).contains(commandeId);
        assertThat(plannedShort).isPositive(); // one lead for a target of 3

        assertThat(value("rdz_delivery_run_duration_seconds_count", "entity=ZR7", "outcome=recorded"))
                .isEqualTo(runs + 1);
        assertThat(value("rdz_delivery_run_duration_seconds_sum", "entity=ZR7", "outcome=recorded"))
                .isPositive();
        assertThat(value("rdz_delivery_batches_total", "entity=ZR7")).isEqualTo(batches + planned.size());
        assertThat(value("rdz_delivery_batches_short_total", "entity=ZR7")).isEqualTo(shorts + plannedShort);

        outboxBacklog.refresh().block(Duration.ofSeconds(30));
        assertThat(new PrometheusScrape(prometheus.scrape()).value("rdz_outbox_backlog", "outbox=batches"))
                .isPresent();
        assertThat(prometheus.scrape()).doesNotContain(commandeId).doesNotContain(clientId);
    }

    /**
     * A sample of the text {@code /actuator/prometheus} serves, from the registry behind it: on main
     * the endpoint is denied to every caller; once the scraper user exists (branch kit), read it over
     * HTTP.
     */
    private double value(String name, String... labels) {
        return new PrometheusScrape(prometheus.scrape()).value(name, labels).orElse(0);
    }
}
