package fr.rdz.intake.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.rdz.intake.IntakeIntegrationTest;
import fr.rdz.intake.lead.mongo.OutboxBacklogGauge;
import fr.rdz.stack.PrometheusScrape;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/** Intake's business meters, as Prometheus scrapes them from {@code /actuator/prometheus}. */
class BusinessMetersIT extends IntakeIntegrationTest {

    @Autowired
    PrometheusMeterRegistry prometheus;

    @Autowired
    OutboxBacklogGauge outboxBacklog;

    @Test
    void countsLeadsReceivedByEntityAndStatus() {
        knownForm();
        double pendingBefore = scrape().value("rdz_leads_received_total", "entity=ZR7", "status=pending")
                .orElse(0);
        double invalidBefore = scrape().value("rdz_leads_received_total", "entity=ZR7", "status=invalid_phone")
                .orElse(0);

        post("/public/leads", aLead()).expectStatus().isEqualTo(HttpStatus.CREATED);
        Map<String, Object> badPhone = aLead();
        badPhone.put("phone", "0123");
        post("/public/leads", badPhone).expectStatus().is2xxSuccessful();

        PrometheusScrape after = scrape();
        assertThat(after.value("rdz_leads_received_total", "entity=ZR7", "status=pending"))
                .hasValue(pendingBefore + 1);
        assertThat(after.value("rdz_leads_received_total", "entity=ZR7", "status=invalid_phone"))
                .hasValue(invalidBefore + 1);
        assertThat(after.text()).doesNotContain(badPhone.get("session_id").toString());
    }

    @Test
    void showsTheOutboxBacklogAndTheKafkaClientMetrics() {
        knownForm();
        post("/public/leads", aLead()).expectStatus().isEqualTo(HttpStatus.CREATED);
        outboxBacklog.refresh().block(Duration.ofSeconds(30));

        PrometheusScrape scrape = scrape();
        assertThat(scrape.value("rdz_outbox_backlog", "outbox=leads")).isPresent();
        // Spring Boot binds the Kafka clients' own metrics (MicrometerConsumerListener): consumer lag included
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(scrape().has("kafka_consumer_fetch_manager_records_lag_max"))
                        .isTrue());
    }

    /**
     * The text {@code /actuator/prometheus} serves, from the registry behind it: on main the endpoint
     * is denied to every caller; once the scraper user exists (branch kit), read it over HTTP.
     */
    private PrometheusScrape scrape() {
        return new PrometheusScrape(prometheus.scrape());
    }
}
