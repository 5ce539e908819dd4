package fr.rdz.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Projections;
import fr.rdz.events.CatalogStatus;
import fr.rdz.events.Entity;
import fr.rdz.events.Envelope;
import fr.rdz.events.EnvelopeSerializer;
import fr.rdz.events.FormSnapshot;
import fr.rdz.events.LpSnapshot;
import fr.rdz.events.Product;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "An answered lead survives a {@code kill -9} of the local stack": the stack ({@code
 * LocalStackMain}: Kafka KRaft, the Mongo wire server on its H2 file, SMTP catcher) runs as its
 * own process exactly as {@code ./rdz up} starts it, with its data under a temporary folder;
 * intake-service and routing-service run from their exec jars. Client threads submit leads
 * through {@code POST /public/leads}; while they do, the stack is killed with SIGKILL and
 * restarted on the same data and ports; the services reconnect by themselves and the clients go
 * on. Every lead answered {@code 201} must then be in intake's {@code rdz_intake.leads} (stored)
 * and in routing's {@code rdz_routing.leads} (routed): lost = 0.
 */
class StackKillNineIT {

    static final Path WORK = Path.of("target", "e2e-stack-kill-nine");
    static final String FORM = "SK9-PV";
    static final String LP = "SK9-LP";
    static final int CLIENTS = 4;
    /** Answered before the kill, so that the kill hits a flow, not a trickle. */
    static final int ANSWERED_BEFORE_KILL = 250;
    /**
     * Submissions allowed before the restart: more than {@link #ANSWERED_BEFORE_KILL}, so that
     * the clients are still submitting when the stack is killed, and bounded, so that routing
     * (slower than intake on the wire server) catches up within the test.
     */
    static final int SUBMISSIONS_BEFORE_RESTART = 450;
    /** Answered after the restart: the services are back on the restarted stack. */
    static final int ANSWERED_AFTER_RESTART = 100;
    /** 128 + 9: what {@link Process#exitValue()} reports for a process ended by SIGKILL. */
    static final int KILLED_BY_SIGKILL = 137;

    static final ObjectMapper JSON = new ObjectMapper();

    static StackProcess stack;
    static RdzProcesses rdz;
    /** The stack's Mongo wire server (the driver reconnects after the restart). */
    static MongoClient mongo;
    /** The leads of this test (the load records every answer). */
    static final LeadLoad.Form LEADS = new LeadLoad.Form(FORM, LP, "69003", "sk9");

    @BeforeAll
    static void startStackAndServices() throws Exception {
        IntakeKillNineIT.deleteRecursively(WORK);
        stack = StackProcess.start(
                WORK.resolve("var").toAbsolutePath(),
                WORK.resolve("logs/stack.log").toAbsolutePath());
        rdz = RdzProcesses.start(
                WORK,
                stack,
                "http://localhost:3000",
                List.of("intake", "routing"),
                // the crash-recovery sweep every 3 s instead of every minute: the test waits less
                List.of("--rdz.intake.outbox.sweep-interval=1s", "--rdz.intake.outbox.full-sweep-interval=3s"));
        mongo = MongoClients.create(stack.mongoUri(""));
        publishCatalog();
        rdz.awaitHealthy(Duration.ofMinutes(3));
        await("intake knows form " + FORM)
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> "pending"
                        .equals(JSON.readTree(LeadLoad.single(LEADS, () -> rdz.url("intake"))
                                        .submit()
                                        .body())
                                .path("status")
                                .asText()));
    }

    @AfterAll
    static void stop() {
        if (mongo != null) {
            mongo.close();
        }
        if (rdz != null) {
            rdz.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyLeadAnswered201IsStoredAndRoutedDespiteKillNineOfTheStack() throws Exception {
        // 1. leads flowing; routing has routed some, so its consumer offsets are committed
        LeadLoad load = LeadLoad.start(CLIENTS, SUBMISSIONS_BEFORE_RESTART, LEADS, () -> rdz.url("intake"));
        Set<String> answered;
        try {
            await("leads answered before the kill")
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> load.answeredCount() >= ANSWERED_BEFORE_KILL || load.exhausted());
            long routedAtKill = routedCount();
            assertThat(load.exhausted())
                    .as("clients still submitting when the stack is killed")
                    .isFalse();
            assertThat(routedAtKill)
                    .as("routing at work when the stack is killed")
                    .isPositive();

            // 2. kill -9 of the stack process in the middle of the flow
            Process killed = stack.process();
            int answeredAtKill = load.answeredCount();
            killed.destroyForcibly();
            Process ended = killed.onExit().get(30, TimeUnit.SECONDS);
            assertThat(ended.exitValue()).as("stack ended by SIGKILL").isEqualTo(KILLED_BY_SIGKILL);
            System.out.printf(
                    "[StackKillNineIT] stack killed -9 with %d leads answered 201, %d routed%n",
                    answeredAtKill, routedAtKill);

            // 3. restarted on the same data and ports: intake and routing reconnect by themselves
            stack.restart();
            int answeredAtRestart = load.answeredCount();
            load.allow(ANSWERED_AFTER_RESTART * 2);
            await("leads answered after the restart of the stack")
                    .atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> load.answeredCount() >= answeredAtRestart + ANSWERED_AFTER_RESTART);
        } finally {
            load.stop();
        }
        answered = load.answered().keySet();

        // 4. every lead answered 201 is stored by intake and routed by routing
        await("every lead answered 201 stored and routed")
                .atMost(Duration.ofSeconds(150))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Set<String> stored = ids(mongo, "rdz_intake");
                    Set<String> routed = ids(mongo, "rdz_routing");
                    Set<String> notStored = missing(answered, stored);
                    Set<String> notRouted = missing(answered, routed);
                    Set<String> lost = new HashSet<>(notStored);
                    lost.addAll(notRouted);
                    String counts = String.format(
                            "answered 201: %d, stored by intake: %d, routed: %d, lost: %d (not stored %d, not"
                                    + " routed %d); not answered 201: %d connection failures or timeouts, %d"
                                    + " answers 503, %d other answers",
                            answered.size(),
                            answered.size() - notStored.size(),
                            answered.size() - notRouted.size(),
                            lost.size(),
                            notStored.size(),
                            notRouted.size(),
                            load.failures(),
                            load.unavailable(),
                            load.otherAnswers());
                    System.out.println("[StackKillNineIT] " + counts);
                    assertThat(lost).as(counts).isEmpty();
                });
    }

    static Set<String> ids(MongoClient mongo, String database) {
        Set<String> ids = new HashSet<>();
        for (Document lead :
                mongo.getDatabase(database).getCollection("leads").find().projection(Projections.include("_id"))) {
            ids.add(lead.getString("_id"));
        }
        return ids;
    }

    /** Leads routing has recorded so far. */
    static long routedCount() {
        return mongo.getDatabase("rdz_routing").getCollection("leads").countDocuments();
    }

    static Set<String> missing(Set<String> expected, Set<String> present) {
        return expected.stream().filter(id -> !present.contains(id)).collect(Collectors.toSet());
    }

    /** Plays routing's catalog publication: the form and its LP on the compacted catalog topics. */
    static void publishCatalog() throws Exception {
        Instant now = Instant.now();
        try (KafkaProducer<String, Envelope<?>> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        stack.kafkaBootstrap(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new EnvelopeSerializer())) {
            for (Envelope<?> snapshot : List.of(
                    Envelope.of(
                            new FormSnapshot(
                                    FORM, Entity.ZR7, Product.PV, "Stack kill -9", LP, null, CatalogStatus.ACTIVE, now),
                            "routing-service",
                            now),
                    Envelope.of(
                            new LpSnapshot(
                                    LP,
                                    Entity.ZR7,
                                    "Stack kill -9",
                                    "https://lp.example.fr/sk9",
                                    FORM,
                                    CatalogStatus.ACTIVE,
                                    now),
                            "routing-service",
                            now))) {
                producer.send(new ProducerRecord<>(snapshot.topic(), snapshot.key(), snapshot))
                        .get(30, TimeUnit.SECONDS);
            }
        }
    }
}
