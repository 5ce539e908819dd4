package fr.rdz.stack;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import fr.rdz.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * What every RDZ service must show about itself, written once: health UP only with both Kafka and
 * MongoDB (details for operators only, liveness and readiness open), Prometheus metrics scrapeable by
 * the {@code metrics} user, admin routes denied without or with wrong credentials (user names
 * exact), unknown routes denied by default, no full phone in the logs of a failed Kafka send; and
 * its admin request bodies as {@link AdminRequestBodyChecks} says. A service's {@code ServiceHealthIT} implements it on its real context (test
 * profile: {@code admin}/{@code test-admin}, {@code metrics}/{@code test-metrics}).
 */
public interface ServiceHealthChecks extends AdminRequestBodyChecks {

    String PHONE = "0612398457";

    @Test
    default void reportsKafkaAndMongoUp() {
        patient()
                .get()
                .uri("/actuator/health")
                .headers(h -> h.setBasicAuth("admin", "test-admin"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP")
                .jsonPath("$.components.kafka.status")
                .isEqualTo("UP")
                .jsonPath("$.components.mongo.status")
                .isEqualTo("UP");
    }

    @Test
    default void adminRoutesDenyWithoutCredentials() {
        patient()
                .get()
                .uri("/admin/anything")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("authentication required");
    }

    @Test
    default void adminRoutesDenyAWrongPassword() {
        patient()
                .get()
                .uri("/admin/anything")
                .headers(h -> h.setBasicAuth("admin", "wrong"))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    default void unknownRoutesAreDeniedByDefault() {
        patient().get().uri("/internal/anything").exchange().expectStatus().isUnauthorized();
    }

    @Test
    default void showsAnonymousCallersOnlyTheHealthStatus() {
        patient()
                .get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP")
                .jsonPath("$.components")
                .doesNotExist()
                .jsonPath("$.details")
                .doesNotExist();
        patient()
                .get()
                .uri("/actuator/health/mongo")
                .exchange()
                .expectBody()
                .jsonPath("$.details")
                .doesNotExist();
    }

    @Test
    default void servesLivenessAndReadinessAnonymously() {
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            patient()
                    .get()
                    .uri(probe)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("UP");
        }
    }

    @Test
    default void letsTheMetricsUserScrapePrometheusAndNothingElse() {
        // a busy service's scrape (every meter, histograms included) is larger than the client's default 256 KB
        String scrape = web().mutate()
                .codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build()
                .get()
                .uri("/actuator/prometheus")
                .headers(h -> h.setBasicAuth("metrics", "test-metrics"))
                .accept(MediaType.TEXT_PLAIN)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(scrape).contains("# TYPE jvm_memory_used_bytes gauge").contains("http_server_requests");
        patient().get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        patient()
                .get()
                .uri("/admin/anything")
                .headers(h -> h.setBasicAuth("metrics", "test-metrics"))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    default void matchesUserNamesExactly() {
        patient()
                .get()
                .uri("/admin/anything")
                .headers(h -> h.setBasicAuth("ADMIN", "test-admin"))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    /** Every producer of the service: a send that fails is logged with the key (a phone) masked. */
    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    default void logsNoFullPhoneWhenASendFails(@Autowired ApplicationContext context) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        // another test of the same JVM may have quietened the listener (log levels are JVM-wide)
        Logger masking = (Logger) LoggerFactory.getLogger("fr.rdz.kit.MaskingProducerListener");
        ch.qos.logback.classic.Level quietened = masking.getLevel();
        masking.setLevel(ch.qos.logback.classic.Level.WARN);
        try {
            for (KafkaTemplate template :
                    context.getBeansOfType(KafkaTemplate.class).values()) {
                // a record over max.request.size (a 2 MB header): refused by the producer, reported to the listener
                ProducerRecord record = new ProducerRecord<>(Topics.LEAD_RECEIVED, null, PHONE, null);
                record.headers().add("padding", new byte[2 * 1024 * 1024]);
                try {
                    CompletableFuture<?> sent = template.send(record);
                    Awaitility.await().atMost(Duration.ofSeconds(60)).until(sent::isDone);
                    assertThat(sent).isCompletedExceptionally();
                } catch (KafkaException refusedAtOnce) {
                    // the producer refused it synchronously, after reporting it to the listener
                }
            }
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> text(logs)
                    .contains("********57"));
            assertThat(text(logs)).doesNotContain(PHONE);
        } finally {
            masking.setLevel(quietened);
            root.detachAppender(logs);
        }
    }

    private static String text(ListAppender<ILoggingEvent> logs) {
        return List.copyOf(logs.list).stream()
                .map(e -> e.getFormattedMessage()
                        + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy())))
                .collect(Collectors.joining("\n"));
    }
}
