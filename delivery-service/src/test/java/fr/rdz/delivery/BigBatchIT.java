package fr.rdz.delivery;

import static fr.rdz.delivery.DeliveryFixtures.client;
import static fr.rdz.delivery.DeliveryFixtures.commande;
import static fr.rdz.delivery.DeliveryFixtures.routed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import fr.rdz.delivery.mongo.MongoCollections;
import fr.rdz.delivery.run.application.PublishingRunOutbox;
import fr.rdz.events.DeliveryPlanned;
import fr.rdz.events.Envelope;
import fr.rdz.events.EventCodec;
import fr.rdz.events.LeadDelivered;
import fr.rdz.events.LeadKind;
import fr.rdz.events.PlannedLead;
import fr.rdz.events.Product;
import fr.rdz.events.RoutingState;
import fr.rdz.events.RunCompleted;
import fr.rdz.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Mono;

/**
 * Spec §12: a batch of any size a commande allows is delivered whole, no lead shows as delivered before
 * its batch is handed to the channels, no Kafka record exceeds the broker's limits (issue 13, defect 1:
 * a batch of 2,982 leads made a 2.1 MB DeliveryPlanned the producer refused forever, while its
 * LeadDelivered were published every minute).
 */
class BigBatchIT extends DeliveryIntegrationTest {

    /** The producer's max.request.size (1 MiB): no record may be bigger. */
    private static final int PRODUCER_LIMIT = 1024 * 1024;

    private static final int LEADS = 5_000;

    @Autowired
    private PublishingRunOutbox outbox;

    @Test
    void aBatchOfFiveThousandLeadsIsPublishedInPartsUnderTheLimitBeforeAnyOfItsLeadsIsDelivered() {
        LocalDate date = LocalDate.of(2030, 5, 14);
        String runId = "run-ZR7-" + date;
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String clientId = "cl-big-" + suffix;
        String commandeId = "cmd-big-" + suffix;
        String dep = "08";
        publish(client(clientId));
        publish(commande(commandeId, clientId, dep, date, LEADS));
        Instant received = Instant.parse("2030-05-13T08:00:00Z");
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (int i = 0; i < LEADS; i++) {
            Envelope<?> envelope = Envelope.of(
                    routed(
                            "big-" + suffix + "-" + String.format("%04d", i),
                            String.format("078%07d", i),
                            dep,
                            received.plusSeconds(i),
                            RoutingState.FRESH),
                    "test",
                    Instant.now());
            sent.add(kafka.send(envelope.topic(), envelope.key(), envelope));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        await().atMost(Duration.ofMinutes(3))
                .until(() -> count(MongoCollections.POOL, Filters.regex("_id", "^big-" + suffix)) == LEADS
                        && count(MongoCollections.COMMANDES, Filters.eq("_id", commandeId)) == 1
                        && count(MongoCollections.CLIENTS, Filters.eq("_id", clientId)) == 1);

        admin().mutate()
                .responseTimeout(Duration.ofMinutes(3))
                .build()
                .post()
                .uri("/admin/runs")
                .bodyValue(Map.of("entity", "ZR7", "date", date.toString()))
                .exchange()
                .expectStatus()
                .isOk();
        await().atMost(Duration.ofMinutes(2)).until(() -> "PUBLISHED".equals(runState(runId)));

        int count = read(
                        Topics.DELIVERY_PLANNED,
                        DeliveryPlanned.class,
                        p -> p.commandeId().equals(commandeId),
                        1)
                .get(0)
                .value()
                .payload()
                .partCount();
        assertThat(count).as("a 5,000-lead batch travels in several parts").isGreaterThan(1);
        List<ConsumerRecord<String, Envelope<DeliveryPlanned>>> parts = read(
                Topics.DELIVERY_PLANNED,
                DeliveryPlanned.class,
                p -> p.commandeId().equals(commandeId),
                count);
        assertThat(parts).hasSize(count);
        assertThat(parts).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo(clientId);
            assertThat(r.value().payload().partCount()).isEqualTo(count);
            assertThat(r.value().payload().wholeBatchLeadCount()).isEqualTo(LEADS);
            assertThat(r.value().payload().batchId()).isEqualTo(runId + ":" + commandeId);
            assertThat(EventCodec.encode(r.value()).length)
                    .as("part %s", r.value().payload().part())
                    .isLessThan(PRODUCER_LIMIT / 2);
        });
        List<PlannedLead> assembled = parts.stream()
                .sorted(Comparator.comparing(r -> r.value().payload().partNumber()))
                .flatMap(r -> r.value().payload().leads().stream())
                .toList();
        assertThat(parts.stream().map(r -> r.value().payload().partNumber()).sorted())
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, count).boxed().toList());
        assertThat(assembled).hasSize(LEADS);
        assertThat(assembled).extracting(l -> l.lead().leadId()).doesNotHaveDuplicates();
        assertThat(assembled).allSatisfy(l -> assertThat(l.kind()).isEqualTo(LeadKind.FRESH));

        List<ConsumerRecord<String, Envelope<LeadDelivered>>> delivered = read(
                Topics.LEAD_DELIVERED, LeadDelivered.class, d -> d.commandeId().equals(commandeId), LEADS);
        assertThat(delivered).hasSize(LEADS);
        long lastPart =
                parts.stream().mapToLong(ConsumerRecord::timestamp).max().orElseThrow();
        long firstDelivered =
                delivered.stream().mapToLong(ConsumerRecord::timestamp).min().orElseThrow();
        assertThat(lastPart).isPositive();
        assertThat(firstDelivered)
                .as("every LeadDelivered is sent after the broker acknowledged every part of the batch")
                .isGreaterThanOrEqualTo(lastPart);
        assertThat(read(Topics.RUN_COMPLETED, RunCompleted.class, r -> r.runId().equals(runId), 1))
                .hasSize(1);
    }

    /**
     * What the defect left behind: a run recorded with a DeliveryPlanned over the broker's limit. The relay
     * marks the batch failed for good and the run PUBLISH_FAILED, publishes none of its LeadDelivered, and a
     * later sweep does not try again.
     */
    @Test
    void aBatchWhoseEventCanNeverBePublishedIsMarkedFailedOnceAndNoneOfItsLeadsIsDelivered() {
        LocalDate date = LocalDate.of(2030, 5, 21);
        String runId = "run-ZR7-" + date;
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String batchId = runId + ":cmd-huge-" + suffix;
        PlannedLead one = new PlannedLead(
                routed("huge-" + suffix, "0790000001", "09", Instant.parse("2030-05-20T08:00:00Z"), RoutingState.FRESH)
                        .lead(),
                LeadKind.FRESH,
                false);
        List<PlannedLead> leads = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            leads.add(one);
        }
        DeliveryPlanned huge = new DeliveryPlanned(
                batchId,
                runId,
                date,
                fr.rdz.events.Entity.ZR7,
                Product.PV,
                "cmd-huge-" + suffix,
                new fr.rdz.events.BatchClient(
                        "cl-huge-" + suffix,
                        "Huge",
                        List.of("huge@example.fr"),
                        fr.rdz.events.DeliveryChannel.BOTH,
                        null,
                        null),
                leads);
        LeadDelivered line = new LeadDelivered(
                "huge-" + suffix,
                "0790000001",
                Product.PV,
                fr.rdz.events.Entity.ZR7,
                fr.rdz.events.Entity.ZR7,
                "cl-huge-" + suffix,
                "cmd-huge-" + suffix,
                batchId,
                runId,
                date,
                Instant.parse("2030-05-21T07:30:00Z"),
                LeadKind.FRESH,
                false);
        Instant now = Instant.now();
        insert(
                MongoCollections.BATCHES,
                new Document("_id", batchId)
                        .append("run_id", runId)
                        .append("commande_id", "cmd-huge-" + suffix)
                        .append("published", false)
                        .append("planned_event", json(Envelope.of(huge, "delivery-service", now)))
                        .append("delivered_events", List.of(json(Envelope.of(line, "delivery-service", now)))));
        insert(
                MongoCollections.RUNS,
                new Document("_id", runId)
                        .append("entity", "ZR7")
                        .append("date", date.toString())
                        .append("state", "RECORDED")
                        .append(
                                "run_completed_event",
                                json(Envelope.of(
                                        new RunCompleted(runId, fr.rdz.events.Entity.ZR7, date, now, List.of()),
                                        "delivery-service",
                                        now))));

        outbox.publish(runId).block(Duration.ofSeconds(60));

        Document batch = find(MongoCollections.BATCHES, batchId);
        assertThat(batch.getBoolean("publish_failed")).isTrue();
        assertThat(batch.getBoolean("published")).isFalse();
        assertThat(batch.getString("publish_error")).contains("over the limit");
        assertThat(batch.getInteger("publish_attempts")).isEqualTo(1);
        Document run = find(MongoCollections.RUNS, runId);
        assertThat(run.getString("state")).isEqualTo("PUBLISH_FAILED");
        assertThat(run.getString("publish_error")).contains("1 batch");

        outbox.sweep().block(Duration.ofSeconds(60));
        assertThat(find(MongoCollections.BATCHES, batchId).getInteger("publish_attempts"))
                .as("never tried again")
                .isEqualTo(1);
        assertThat(read(Topics.RUN_COMPLETED, RunCompleted.class, r -> r.runId().equals(runId), 1))
                .hasSize(1);
        assertThat(read(
                        Topics.LEAD_DELIVERED,
                        LeadDelivered.class,
                        d -> d.batchId().equals(batchId),
                        0))
                .as("no lead of a batch that never reached the channels shows as delivered")
                .isEmpty();
    }

    private String runState(String runId) {
        Document run = find(MongoCollections.RUNS, runId);
        return run == null ? null : run.getString("state");
    }

    private Document find(String collection, String id) {
        return mongo.getCollection(collection)
                .flatMap(c -> Mono.from(c.find(Filters.eq("_id", id)).first()))
                .block(Duration.ofSeconds(10));
    }

    private void insert(String collection, Document document) {
        mongo.getCollection(collection)
                .flatMap(c -> Mono.from(c.insertOne(document)))
                .block(Duration.ofSeconds(10));
    }

    private static String json(Envelope<?> envelope) {
        return new String(EventCodec.encode(envelope), StandardCharsets.UTF_8);
    }
}
