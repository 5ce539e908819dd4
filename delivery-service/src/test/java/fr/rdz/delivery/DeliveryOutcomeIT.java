package fr.rdz.delivery;

import static fr.rdz.delivery.DeliveryFixtures.client;
import static fr.rdz.delivery.DeliveryFixtures.commande;
import static fr.rdz.delivery.DeliveryFixtures.routed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import fr.rdz.delivery.config.MongoCollections;
import fr.rdz.events.DeliveryOutcome;
import fr.rdz.events.Entity;
import fr.rdz.events.Envelope;
import fr.rdz.events.OutcomeChannel;
import fr.rdz.events.OutcomeStatus;
import fr.rdz.events.RoutingState;
import fr.rdz.events.Topics;
import fr.rdz.stack.RdzTestStack;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A run is planned, then the channels report on its batch through the real broker: the e-mail is dead-lettered then
 * sent by a replay, one lead's push is retried, dead-lettered then pushed by a replay, the other is pushed at once;
 * redelivered and late events come too. {@code GET /admin/runs/{id}} (and {@code ?date=}) shows what stands on each
 * channel, the failed lead is counted while it is failed everywhere and is never planned again, and replaying every
 * event once more changes nothing (not even a write).
 */
class DeliveryOutcomeIT extends DeliveryIntegrationTest {

    private static final LocalDate DATE = LocalDate.of(2030, 4, 9);
    private static final String RUN_ID = "run-ZR7-" + DATE;
    private static final String DEP = "07";
    /** When the run's e-mail and pushes were first tried: D 09:30 Paris. */
    private static final Instant T = Instant.parse("2030-04-09T07:31:00Z");

    private final List<Envelope<DeliveryOutcome>> sent = new ArrayList<>();

    @Test
    void showsWhatEachChannelFinallyReportedAndDuplicatesChangeNothing() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String clientId = "cl-out-" + suffix;
        String commandeId = "cmd-out-" + suffix;
        String a = "lead-" + suffix + "-a";
        String b = "lead-" + suffix + "-b";
        String c = "lead-" + suffix + "-c";
        Instant received = Instant.parse("2030-04-08T10:00:00Z");
        publish(client(clientId));
        publish(commande(commandeId, clientId, DEP, DATE, 2));
        publish(routed(a, "0670000001", DEP, received, RoutingState.FRESH));
        publish(routed(b, "0670000002", DEP, received.plusSeconds(1), RoutingState.FRESH));
        publish(routed(c, "0670000003", DEP, received.plusSeconds(2), RoutingState.FRESH));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(MongoCollections.POOL, Filters.regex("_id", "^lead-" + suffix)) == 3
                        && count(MongoCollections.COMMANDES, Filters.eq("_id", commandeId)) == 1
                        && count(MongoCollections.CLIENTS, Filters.eq("_id", clientId)) == 1);

        Map<?, ?> planned = admin().post()
                .uri("/admin/runs")
                .bodyValue(Map.of("entity", "ZR7", "date", DATE.toString(), "dry_run", false))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        Map<?, ?> batch = DailyRunIT.batchOf(planned, commandeId);
        String batchId = (String) batch.get("batch_id");
        assertThat(batch.get("lead_ids")).isEqualTo(List.of(a, b));
        assertThat(batch.get("channels")).isEqualTo(List.of("email", "api"));
        assertThat(channel(batch, "email").get("state")).isEqualTo("pending");
        assertThat(channel(batch, "api").get("pending")).isEqualTo(2);
        assertThat(batch.get("failed_leads")).isEqualTo(0);

        // first morning: the e-mail ends in the DLT, lead b's push is retried then dead-lettered, lead a not pushed yet
        Envelope<DeliveryOutcome> mailDeadLettered = outcome(
                batchId, clientId, OutcomeChannel.EMAIL, List.of(a, b), OutcomeStatus.DEAD_LETTERED, "SMTP 421", 6, 60);
        Envelope<DeliveryOutcome> pushRetrying =
                outcome(batchId, clientId, OutcomeChannel.API, List.of(b), OutcomeStatus.RETRYING, "HTTP 503", 1, 0);
        Envelope<DeliveryOutcome> pushDeadLettered = outcome(
                batchId, clientId, OutcomeChannel.API, List.of(b), OutcomeStatus.DEAD_LETTERED, "HTTP 503", 6, 200);
        send(mailDeadLettered, pushRetrying, pushDeadLettered);
        awaitOutcomesConsumed();

        Map<?, ?> failing = DailyRunIT.batchOf(get(), commandeId);
        assertThat(channel(failing, "email"))
                .containsEntry("state", "failed")
                .containsEntry("failed", 2)
                .containsEntry("status", "dead_lettered")
                .containsEntry("reason", "SMTP 421")
                .containsEntry("attempts", 6);
        assertThat(channel(failing, "api"))
                .containsEntry("state", "pending")
                .containsEntry("failed", 1)
                .containsEntry("pending", 1)
                .containsEntry("failed_lead_ids", List.of(b))
                .containsEntry("status", "dead_lettered");
        assertThat(failing.get("failed_leads")).isEqualTo(1);
        assertThat(failing.get("failed_lead_ids")).isEqualTo(List.of(b));
        assertThat(get().get("failed_leads")).isEqualTo(1);

        // a lead failed everywhere is still delivered for planning: the next day another client gets only c
        String otherClient = "cl-out2-" + suffix;
        String otherCommande = "cmd-out2-" + suffix;
        publish(client(otherClient));
        publish(commande(otherCommande, otherClient, DEP, DATE.plusDays(1), 3));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(MongoCollections.COMMANDES, Filters.eq("_id", otherCommande)) == 1
                        && count(MongoCollections.CLIENTS, Filters.eq("_id", otherClient)) == 1);
        Map<?, ?> nextDay = admin().post()
                .uri("/admin/runs")
                .bodyValue(Map.of("entity", "ZR7", "date", DATE.plusDays(1).toString(), "dry_run", true))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(DailyRunIT.batchOf(nextDay, otherCommande).get("lead_ids")).isEqualTo(List.of(c));

        // the operators replay: the e-mail is sent, b's push succeeds; redelivered and late failures come after,
        // and lead a's push is reported last
        Envelope<DeliveryOutcome> mailSent =
                outcome(batchId, clientId, OutcomeChannel.EMAIL, List.of(a, b), OutcomeStatus.SENT, null, 7, 180);
        Envelope<DeliveryOutcome> pushReplayed =
                outcome(batchId, clientId, OutcomeChannel.API, List.of(b), OutcomeStatus.SUCCESS, null, 7, 190);
        Envelope<DeliveryOutcome> lateFailure = outcome(
                batchId, clientId, OutcomeChannel.API, List.of(b), OutcomeStatus.DEAD_LETTERED, "HTTP 503", 12, 300);
        Envelope<DeliveryOutcome> pushA =
                outcome(batchId, clientId, OutcomeChannel.API, List.of(a), OutcomeStatus.SUCCESS, null, 1, 1);
        send(mailSent, pushReplayed, pushDeadLettered, mailDeadLettered, lateFailure, pushA);
        awaitOutcomesConsumed();

        Map<?, ?> run = get();
        Map<?, ?> delivered = DailyRunIT.batchOf(run, commandeId);
        assertThat(delivered.get("commande_id")).isEqualTo(commandeId);
        assertThat(delivered.get("client_id")).isEqualTo(clientId);
        assertThat(delivered.get("lead_ids")).isEqualTo(List.of(a, b));
        assertThat(delivered.get("fresh")).isEqualTo(2);
        assertThat(delivered.get("lb")).isEqualTo(0);
        assertThat(delivered.get("cross_entity")).isEqualTo(0);
        assertThat(delivered.get("duplicates_replaced")).isEqualTo(0);
        assertThat(delivered.get("target")).isEqualTo(2);
        assertThat(delivered.get("short")).isEqualTo(false);
        assertThat(channel(delivered, "email"))
                .containsEntry("state", "sent")
                .containsEntry("sent", 2)
                .containsEntry("failed", 0)
                .containsEntry("status", "sent")
                .containsEntry("at", T.plus(Duration.ofMinutes(180)).toString())
                .containsEntry("attempts", 7)
                .doesNotContainKey("reason");
        assertThat(channel(delivered, "api"))
                .containsEntry("state", "sent")
                .containsEntry("sent", 2)
                .containsEntry("failed", 0)
                .containsEntry("retrying", 0)
                .containsEntry("pending", 0)
                .containsEntry("failed_lead_ids", List.of())
                .containsEntry("status", "success")
                .containsEntry("at", T.plus(Duration.ofMinutes(190)).toString());
        assertThat(delivered.get("failed_leads")).isEqualTo(0);
        assertThat(delivered.get("failed_lead_ids")).isEqualTo(List.of());
        assertThat(run.get("failed_leads")).isEqualTo(0);
        assertThat(ledgerChannel(b, "api"))
                .containsEntry("state", "SENT")
                .containsEntry("status", "SUCCESS")
                .containsEntry("event_id", pushReplayed.eventId().toString());

        Map<?, ?> byDate = admin()
                .get()
                .uri("/admin/runs?date=" + DATE)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBodyList(Map.class)
                .returnResult()
                .getResponseBody()
                .stream()
                .filter(r -> RUN_ID.equals(r.get("id")))
                .findFirst()
                .orElseThrow();
        assertThat(DailyRunIT.batchOf(byDate, commandeId).get("outcomes")).isEqualTo(delivered.get("outcomes"));

        // every event delivered once more: the answer and the ledger lines stay exactly as they are (no write at all)
        List<Document> ledgerBefore = ledgerLines(batchId);
        send(sent.toArray(Envelope[]::new));
        awaitOutcomesConsumed();
        assertThat(get()).isEqualTo(run);
        assertThat(ledgerLines(batchId)).isEqualTo(ledgerBefore);
    }

    private Envelope<DeliveryOutcome> outcome(
            String batchId,
            String clientId,
            OutcomeChannel channel,
            List<String> leadIds,
            OutcomeStatus status,
            String reason,
            int attempts,
            int minutesAfterFirstTry) {
        Instant at = T.plus(Duration.ofMinutes(minutesAfterFirstTry));
        DeliveryOutcome payload = new DeliveryOutcome(
                batchId, RUN_ID, Entity.ZR7, clientId, channel, leadIds, status, reason, attempts, at);
        return Envelope.of(
                UUID.randomUUID(),
                payload,
                channel == OutcomeChannel.EMAIL ? "notifier-service" : "crm-push-service",
                at);
    }

    @SafeVarargs
    private void send(Envelope<DeliveryOutcome>... envelopes) {
        for (Envelope<DeliveryOutcome> envelope : envelopes) {
            kafka.send(envelope.topic(), envelope.key(), envelope).join();
            sent.add(envelope);
        }
    }

    /** Until the service's consumer group has committed every record of the outcome topic (ack mode record). */
    private static void awaitOutcomesConsumed() {
        try (AdminClient admin = AdminClient.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RdzTestStack.get().kafkaBootstrapServers()))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> lag(admin) == 0);
        }
    }

    private static long lag(AdminClient admin) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(List.of(Topics.DELIVERY_OUTCOME))
                .allTopicNames()
                .get(10, TimeUnit.SECONDS)
                .forEach((topic, d) -> d.partitions()
                        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
        var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("delivery-service")
                .partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS);
        long lag = 0;
        for (var end : ends.entrySet()) {
            OffsetAndMetadata c = committed.get(end.getKey());
            lag += Math.max(0, end.getValue().offset() - (c == null ? 0 : c.offset()));
        }
        return lag;
    }

    private Map<?, ?> get() {
        return admin().get()
                .uri("/admin/runs/" + RUN_ID)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> channel(Map<?, ?> batch, String channel) {
        Map<String, Object> outcomes = (Map<String, Object>) batch.get("outcomes");
        assertThat(outcomes).as("outcomes of %s", batch).containsKey(channel);
        return (Map<String, Object>) outcomes.get(channel);
    }

    private Document ledgerChannel(String leadId, String channel) {
        Document line = mongo.getCollection(MongoCollections.LEDGER)
                .flatMap(c -> Mono.from(
                        c.find(Filters.eq("_id", RUN_ID + ":" + leadId)).first()))
                .block(Duration.ofSeconds(10));
        assertThat(line).isNotNull();
        return line.get("channels", Document.class).get(channel, Document.class);
    }

    private List<Document> ledgerLines(String batchId) {
        return mongo.getCollection(MongoCollections.LEDGER)
                .flatMapMany(c -> Flux.from(c.find(Filters.eq("batch_id", batchId))))
                .collectSortedList((x, y) -> x.getString("_id").compareTo(y.getString("_id")))
                .block(Duration.ofSeconds(10));
    }
}
