package fr.rdz.delivery;

import static fr.rdz.delivery.DeliveryFixtures.client;
import static fr.rdz.delivery.DeliveryFixtures.commande;
import static fr.rdz.delivery.DeliveryFixtures.routed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import fr.rdz.delivery.mongo.MongoCollections;
import fr.rdz.delivery.planning.domain.RunReference;
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
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A run is planned, then the channels report on its batch through the real broker: e-mails and pushes are retried,
 * dead-lettered, replayed; redelivered and late events come too. {@code GET /admin/runs/{id}} (and {@code ?date=})
 * shows what stands on each channel. Each test plans its own run (its own date, département, client and leads) and
 * proves one behaviour.
 */
class DeliveryOutcomeIT extends DeliveryIntegrationTest {

    private final List<Envelope<DeliveryOutcome>> sent = new ArrayList<>();

    /**
     * Planning a run reads the whole pool the context's tests filled: on a loaded machine an answer may take longer
     * than WebTestClient's 5 s default, which is not what these tests are about.
     */
    private WebTestClient patientAdmin() {
        return admin().mutate().responseTimeout(Duration.ofMinutes(1)).build();
    }

    /** One planned run: a commande of 2 leads for {@code date} in {@code departement}, three fresh leads a, b, c. */
    private final class Scenario {
        final LocalDate date;
        final String departement;
        final String runId;
        /** When the run's e-mail and pushes were first tried: D 09:31 Paris. */
        final Instant firstTry;

        final String suffix = UUID.randomUUID().toString().substring(0, 8);
        final String clientId = "cl-out-" + suffix;
        final String commandeId = "cmd-out-" + suffix;
        final String a = "lead-" + suffix + "-a";
        final String b = "lead-" + suffix + "-b";
        final String c = "lead-" + suffix + "-c";
        String batchId;
        Map<?, ?> planned;

        Scenario(LocalDate date, String departement, String phonePrefix) {
            this.date = date;
            this.departement = departement;
            this.runId = "run-ZR7-" + date;
            this.firstTry = RunReference.of(date).plus(Duration.ofMinutes(1));
            Instant received = RunReference.of(date).minus(Duration.ofHours(21).plusMinutes(30));
            publish(client(clientId));
            publish(commande(commandeId, clientId, departement, date, 2));
            publish(routed(a, phonePrefix + "1", departement, received, RoutingState.FRESH));
            publish(routed(b, phonePrefix + "2", departement, received.plusSeconds(1), RoutingState.FRESH));
            publish(routed(c, phonePrefix + "3", departement, received.plusSeconds(2), RoutingState.FRESH));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> count(MongoCollections.POOL, Filters.regex("_id", "^lead-" + suffix)) == 3
                            && count(MongoCollections.COMMANDES, Filters.eq("_id", commandeId)) == 1
                            && count(MongoCollections.CLIENTS, Filters.eq("_id", clientId)) == 1);
            planned = patientAdmin()
                    .post()
                    .uri("/admin/runs")
                    .bodyValue(Map.of("entity", "ZR7", "date", date.toString(), "dry_run", false))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody();
            batchId = (String) DeliveryFixtures.batchOf(planned, commandeId).get("batch_id");
        }

        Envelope<DeliveryOutcome> outcome(
                OutcomeChannel channel,
                List<String> leadIds,
                OutcomeStatus status,
                String reason,
                int attempts,
                int minutesAfterFirstTry) {
            return DeliveryOutcomeIT.outcome(
                    runId,
                    batchId,
                    clientId,
                    channel,
                    leadIds,
                    status,
                    reason,
                    attempts,
                    firstTry.plus(Duration.ofMinutes(minutesAfterFirstTry)));
        }

        Envelope<DeliveryOutcome> mailDeadLettered() {
            return outcome(OutcomeChannel.EMAIL, List.of(a, b), OutcomeStatus.DEAD_LETTERED, "SMTP 421", 6, 60);
        }

        Envelope<DeliveryOutcome> pushRetrying() {
            return outcome(OutcomeChannel.API, List.of(b), OutcomeStatus.RETRYING, "HTTP 503", 1, 0);
        }

        Envelope<DeliveryOutcome> pushDeadLettered() {
            return outcome(OutcomeChannel.API, List.of(b), OutcomeStatus.DEAD_LETTERED, "HTTP 503", 6, 200);
        }

        /** First morning: the e-mail ends in the DLT, lead b's push is retried then dead-lettered, lead a not pushed yet. */
        void failFirstMorning() {
            send(mailDeadLettered(), pushRetrying(), pushDeadLettered());
            awaitOutcomesConsumed();
        }

        /**
         * The operators replay: the e-mail is sent, b's push succeeds; redelivered and late failures come after, and
         * lead a's push is reported last. Answers b's replayed push.
         */
        Envelope<DeliveryOutcome> replayThenLateAndRedeliveredFailures() {
            Envelope<DeliveryOutcome> pushReplayed =
                    outcome(OutcomeChannel.API, List.of(b), OutcomeStatus.SUCCESS, null, 7, 190);
            send(
                    outcome(OutcomeChannel.EMAIL, List.of(a, b), OutcomeStatus.SENT, null, 7, 180),
                    pushReplayed,
                    pushDeadLettered(),
                    mailDeadLettered(),
                    outcome(OutcomeChannel.API, List.of(b), OutcomeStatus.DEAD_LETTERED, "HTTP 503", 12, 300),
                    outcome(OutcomeChannel.API, List.of(a), OutcomeStatus.SUCCESS, null, 1, 1));
            awaitOutcomesConsumed();
            return pushReplayed;
        }

        Map<?, ?> run() {
            return get(runId);
        }

        Map<?, ?> batch() {
            return DeliveryFixtures.batchOf(run(), commandeId);
        }
    }

    @Test
    void aPlannedBatchAwaitsEveryChannelOfItsClient() {
        Scenario s = new Scenario(LocalDate.of(2030, 4, 9), "07", "067000000");

        Map<?, ?> batch = DeliveryFixtures.batchOf(s.planned, s.commandeId);
        assertThat(batch.get("commande_id")).isEqualTo(s.commandeId);
        assertThat(batch.get("client_id")).isEqualTo(s.clientId);
        assertThat(batch.get("lead_ids")).isEqualTo(List.of(s.a, s.b));
        assertThat(batch.get("fresh")).isEqualTo(2);
        assertThat(batch.get("lb")).isEqualTo(0);
        assertThat(batch.get("cross_entity")).isEqualTo(0);
        assertThat(batch.get("duplicates_replaced")).isEqualTo(0);
        assertThat(batch.get("target")).isEqualTo(2);
        assertThat(batch.get("short")).isEqualTo(false);
        assertThat(batch.get("channels")).isEqualTo(List.of("email", "api"));
        assertThat(channel(batch, "email").get("state")).isEqualTo("pending");
        assertThat(channel(batch, "api").get("pending")).isEqualTo(2);
        assertThat(batch.get("failed_leads")).isEqualTo(0);
    }

    @Test
    void deadLetteredChannelsShowTheirReasonAndTheLeadFailedEverywhereIsCounted() {
        Scenario s = new Scenario(LocalDate.of(2030, 4, 16), "17", "067100000");

        s.failFirstMorning();

        Map<?, ?> failing = s.batch();
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
                .containsEntry("failed_lead_ids", List.of(s.b))
                .containsEntry("status", "dead_lettered");
        assertThat(failing.get("failed_leads")).isEqualTo(1);
        assertThat(failing.get("failed_lead_ids")).isEqualTo(List.of(s.b));
        assertThat(s.run().get("failed_leads")).isEqualTo(1);
    }

    @Test
    void aLeadFailedOnEveryChannelIsNeverPlannedAgain() {
        Scenario s = new Scenario(LocalDate.of(2030, 4, 23), "27", "067200000");
        s.failFirstMorning();

        // the next day another client of the same département gets only c
        String otherClient = "cl-out2-" + s.suffix;
        String otherCommande = "cmd-out2-" + s.suffix;
        publish(client(otherClient));
        publish(commande(otherCommande, otherClient, s.departement, s.date.plusDays(1), 3));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(MongoCollections.COMMANDES, Filters.eq("_id", otherCommande)) == 1
                        && count(MongoCollections.CLIENTS, Filters.eq("_id", otherClient)) == 1);
        Map<?, ?> nextDay = patientAdmin()
                .post()
                .uri("/admin/runs")
                .bodyValue(Map.of("entity", "ZR7", "date", s.date.plusDays(1).toString(), "dry_run", true))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();

        assertThat(DeliveryFixtures.batchOf(nextDay, otherCommande).get("lead_ids"))
                .isEqualTo(List.of(s.c));
    }

    @Test
    void aReplayedSuccessWinsOverRedeliveredAndLateFailures() {
        Scenario s = new Scenario(LocalDate.of(2030, 4, 30), "37", "067300000");
        s.failFirstMorning();

        Envelope<DeliveryOutcome> pushReplayed = s.replayThenLateAndRedeliveredFailures();

        Map<?, ?> run = s.run();
        Map<?, ?> delivered = DeliveryFixtures.batchOf(run, s.commandeId);
        assertThat(channel(delivered, "email"))
                .containsEntry("state", "sent")
                .containsEntry("sent", 2)
                .containsEntry("failed", 0)
                .containsEntry("status", "sent")
                .containsEntry("at", s.firstTry.plus(Duration.ofMinutes(180)).toString())
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
                .containsEntry("at", s.firstTry.plus(Duration.ofMinutes(190)).toString());
        assertThat(delivered.get("failed_leads")).isEqualTo(0);
        assertThat(delivered.get("failed_lead_ids")).isEqualTo(List.of());
        assertThat(run.get("failed_leads")).isEqualTo(0);
        assertThat(ledgerChannel(s.runId, s.b, "api"))
                .containsEntry("state", "SENT")
                .containsEntry("status", "SUCCESS")
                .containsEntry("event_id", pushReplayed.eventId().toString());
    }

    @Test
    void theRunsOfADateShowTheSameOutcomesAsTheRunItself() {
        Scenario s = new Scenario(LocalDate.of(2030, 5, 7), "47", "067400000");
        s.failFirstMorning();
        s.replayThenLateAndRedeliveredFailures();

        Map<?, ?> byDate = patientAdmin()
                .get()
                .uri("/admin/runs?date=" + s.date)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBodyList(Map.class)
                .returnResult()
                .getResponseBody()
                .stream()
                .filter(r -> s.runId.equals(r.get("id")))
                .findFirst()
                .orElseThrow();

        assertThat(DeliveryFixtures.batchOf(byDate, s.commandeId).get("outcomes"))
                .isEqualTo(s.batch().get("outcomes"));
    }

    @Test
    void everyOutcomeDeliveredOnceMoreChangesNothingNotEvenAWrite() {
        Scenario s = new Scenario(LocalDate.of(2030, 5, 28), "57", "067500000");
        s.failFirstMorning();
        s.replayThenLateAndRedeliveredFailures();
        Map<?, ?> run = s.run();
        List<Document> ledgerBefore = ledgerLines(s.batchId);

        send(sent.toArray(Envelope[]::new));
        awaitOutcomesConsumed();

        assertThat(s.run()).isEqualTo(run);
        assertThat(ledgerLines(s.batchId)).isEqualTo(ledgerBefore);
    }

    private static Envelope<DeliveryOutcome> outcome(
            String runId,
            String batchId,
            String clientId,
            OutcomeChannel channel,
            List<String> leadIds,
            OutcomeStatus status,
            String reason,
            int attempts,
            Instant at) {
        DeliveryOutcome payload = new DeliveryOutcome(
                batchId, runId, Entity.ZR7, clientId, channel, leadIds, status, reason, attempts, at);
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

    private Map<?, ?> get(String runId) {
        return patientAdmin()
                .get()
                .uri("/admin/runs/" + runId)
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

    private Document ledgerChannel(String runId, String leadId, String channel) {
        Document line = mongo.getCollection(MongoCollections.LEDGER)
                .flatMap(c -> Mono.from(
                        c.find(Filters.eq("_id", runId + ":" + leadId)).first()))
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
