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
import fr.rdz.events.EnvelopeDeserializer;
import fr.rdz.events.EnvelopeSerializer;
import fr.rdz.events.FormSnapshot;
import fr.rdz.events.LeadReceived;
import fr.rdz.events.LpSnapshot;
import fr.rdz.events.Product;
import fr.rdz.events.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The product owner's promise, "every lead answered 2xx is stored and eventually published,
 * whatever process is killed (-9) or restarted", checked with a real {@code SIGKILL}:
 * intake-service runs from its executable jar in its own process on the embedded Kafka broker
 * (KRaft) and Mongo wire server, both in this JVM so that they outlive it. Client threads submit
 * leads through {@code POST /public/leads}; intake is killed in the middle of the flow, restarted,
 * killed again right after a burst (leads stored and answered, not yet marked published),
 * restarted. Every lead answered {@code 201} must then be in {@code rdz_intake.leads} (right after
 * each kill already: it is stored before the answer) and its {@code LeadReceived} on
 * {@code rdz.lead.received.v1} (duplicates allowed), with its outbox marked published.
 */
class IntakeKillNineIT {

    static final Path WORK = Path.of("target", "e2e-kill-nine");
    static final String FORM = "K9-PV";
    static final String LP = "K9-LP";
    static final int CLIENTS = 6;
    /** Leads answered before the first kill, so that the test cannot pass on a trickle. */
    static final int BEFORE_FIRST_KILL = 300;

    static final int BURST = 300;
    /** 128 + 9: what {@link Process#exitValue()} reports for a process ended by SIGKILL. */
    static final int KILLED_BY_SIGKILL = 137;

    static final ObjectMapper JSON = new ObjectMapper();
    static final LeadLoad.Form LEADS = new LeadLoad.Form(FORM, LP, "69003", "k9");

    static RdzProcesses rdz;
    static MongoClient mongo;
    static KafkaConsumer<String, Envelope<?>> received;
    /** Every lead id intake answered 201, across all the phases. */
    static final Set<String> answered = new HashSet<>();
    /** Lead ids seen in a {@code LeadReceived} on the topic. */
    static final Set<String> published = new HashSet<>();
    /** {@code LeadReceived} records read (more than {@link #published} when some were sent twice). */
    static int records;

    @BeforeAll
    static void startStackAndIntake() throws Exception {
        deleteRecursively(WORK);
        rdz = RdzProcesses.start(
                WORK,
                "http://localhost:3000",
                List.of("intake"),
                // the crash-recovery sweep every 3 s instead of every minute: the test waits less,
                // it does not change what is swept
                // the test plays the reverse proxy: its X-Forwarded-For gives each lead its own client address
                List.of(
                        "--rdz.intake.outbox.sweep-interval=1s",
                        "--rdz.intake.outbox.full-sweep-interval=3s",
                        "--rdz.intake.trusted-proxies=127.0.0.1/32"));
        mongo = MongoClients.create(rdz.stack().mongo().uri(""));
        received = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        rdz.stack().kafka().bootstrapServers(),
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        2000),
                new StringDeserializer(),
                new EnvelopeDeserializer());
        List<TopicPartition> partitions = IntStream.range(0, Topics.LEAD_PARTITIONS)
                .mapToObj(p -> new TopicPartition(Topics.LEAD_RECEIVED, p))
                .toList();
        received.assign(partitions);
        received.seekToBeginning(partitions);
        publishCatalog();
        rdz.awaitHealthy("intake", Duration.ofMinutes(2));
        // intake learns the form from the compacted catalog topic; a lead is pending once it has
        LeadLoad probe = LeadLoad.single(LEADS, intake());
        await("intake knows form " + FORM)
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> "pending"
                        .equals(JSON.readTree(probe.submit().body())
                                .path("status")
                                .asText()));
        answered.addAll(probe.answered().keySet());
    }

    static Supplier<String> intake() {
        return () -> rdz.url("intake");
    }

    @AfterAll
    static void stop() {
        if (received != null) {
            received.close();
        }
        if (mongo != null) {
            mongo.close();
        }
        if (rdz != null) {
            rdz.close();
        }
    }

    @Test
    void everyLeadAnswered201IsStoredAndPublishedDespiteKillNineOfIntake() throws Exception {
        // 1. leads flowing from several clients, intake killed -9 in the middle of the flow
        LeadLoad flow = LeadLoad.start(CLIENTS, Integer.MAX_VALUE, LEADS, intake());
        await("leads answered before the first kill")
                .atMost(Duration.ofSeconds(60))
                .until(() -> flow.answeredCount() >= BEFORE_FIRST_KILL);
        Process first = rdz.process("intake");
        first.destroyForcibly();
        assertKilledBySigkill(first);
        await("the clients see the kill").atMost(Duration.ofSeconds(30)).until(() -> flow.failures() > 0);
        ended(flow);
        AfterKill firstKill = afterKill("first kill (mid-flow)", flow);
        assertThat(flow.answeredCount())
                .as("leads answered 201 before the first kill (%s)", firstKill)
                .isGreaterThan(50);

        // 2. restart on the same Kafka and Mongo, leads flow again while the outbox is swept
        rdz.restart("intake");
        rdz.awaitHealthy("intake", Duration.ofMinutes(2));
        LeadLoad afterRestart = LeadLoad.start(CLIENTS, 150, LEADS, intake());
        awaitAnswered(afterRestart);
        assertThat(afterRestart.answeredCount())
                .as("leads answered after the first restart (%s)", afterRestart)
                .isEqualTo(150);

        // 3. a burst, intake killed -9 by the client that got its last answer: the last leads are
        // stored and answered, not yet marked published (perhaps not even sent)
        Process second = rdz.process("intake");
        LeadLoad burst = LeadLoad.start(CLIENTS, BURST, LEADS, intake(), second::destroyForcibly);
        awaitAnswered(burst);
        assertKilledBySigkill(second);
        AfterKill secondKill = afterKill("second kill (right after a burst)", burst);
        assertThat(burst.answeredCount())
                .as("burst answered 201 (%s)", secondKill)
                .isEqualTo(BURST);
        assertThat(firstKill.pending() + secondKill.pending())
                .as(
                        "leads answered 201 and left pending by the kills, for the sweep to publish (%s; %s)",
                        firstKill, secondKill)
                .isPositive();

        // 4. restart; a few more leads; everything answered 201 ends up published
        rdz.restart("intake");
        rdz.awaitHealthy("intake", Duration.ofMinutes(2));
        LeadLoad last = LeadLoad.start(2, 20, LEADS, intake());
        awaitAnswered(last);
        assertThat(last.answeredCount())
                .as("leads answered after the second restart (%s)", last)
                .isEqualTo(20);

        await("every lead answered 201 published and marked so")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    catchUpWithTopic();
                    Map<String, String> outbox = outboxStates();
                    Set<String> notStored = missing(answered, outbox.keySet());
                    Set<String> notPublished = missing(answered, published);
                    Set<String> notMarked = answered.stream()
                            .filter(id -> !"published".equals(outbox.get(id)))
                            .collect(Collectors.toSet());
                    String counts = String.format(
                            "%d leads answered 201 (%s; %s): %d not stored, %d without LeadReceived on %s (%d"
                                    + " records for %d distinct leads), %d not marked published",
                            answered.size(),
                            firstKill,
                            secondKill,
                            notStored.size(),
                            notPublished.size(),
                            Topics.LEAD_RECEIVED,
                            records,
                            published.size(),
                            notMarked.size());
                    System.out.println("[IntakeKillNineIT] " + counts);
                    assertThat(notStored).as(counts).isEmpty();
                    assertThat(notPublished).as(counts).isEmpty();
                    assertThat(notMarked).as(counts).isEmpty();
                });
    }

    /**
     * {@link Process#destroyForcibly()} is {@code kill -9} on Linux: proof that it ended by SIGKILL
     * (not a graceful stop) and that its pid is gone.
     */
    static void assertKilledBySigkill(Process intake) throws Exception {
        Process ended = intake.onExit().get(30, TimeUnit.SECONDS);
        assertThat(ended.exitValue()).as("intake ended by SIGKILL").isEqualTo(KILLED_BY_SIGKILL);
        assertThat(ProcessHandle.of(intake.pid()).filter(ProcessHandle::isAlive))
                .as("intake pid " + intake.pid() + " gone")
                .isEmpty();
    }

    /** Waits until every submission of {@code load} is answered, then {@link #ended} it. */
    static void awaitAnswered(LeadLoad load) throws InterruptedException {
        await("clients done")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(load::idle);
        ended(load);
    }

    /** Stops {@code load}, adds its leads answered 201 to {@link #answered}; nothing was refused or unavailable. */
    static void ended(LeadLoad load) throws InterruptedException {
        load.stop();
        answered.addAll(load.answered().keySet());
        assertThat(load.otherAnswers() + load.unavailable())
                .as("answers other than 201 (rate limit, refusal, double submit, 503): %s", load)
                .isZero();
    }

    /** Leads answered 201 so far and still pending in the outbox when intake died; {@code notOnTopic}: not sent yet. */
    record AfterKill(String summary, int pending, long notOnTopic) {
        @Override
        public String toString() {
            return summary;
        }
    }

    /**
     * With intake dead nothing changes any more: every lead answered 201 so far must already be in
     * Mongo (stored before the answer). Counts those the sweep of the next start has to deal with.
     */
    static AfterKill afterKill(String which, LeadLoad load) {
        catchUpWithTopic();
        Map<String, String> outbox = outboxStates();
        Set<String> notStored = missing(answered, outbox.keySet());
        List<String> pending =
                answered.stream().filter(id -> "pending".equals(outbox.get(id))).toList();
        long notOnTopic = pending.stream().filter(id -> !published.contains(id)).count();
        String summary = String.format(
                "%s: %d answered 201 by this load, %d connection failures; of the %d answered so far %d still"
                        + " pending in the outbox, %d of them not on the topic yet",
                which, load.answeredCount(), load.failures(), answered.size(), pending.size(), notOnTopic);
        System.out.println("[IntakeKillNineIT] " + summary);
        assertThat(notStored).as("answered 201 but not stored, " + summary).isEmpty();
        return new AfterKill(summary, pending.size(), notOnTopic);
    }

    static Map<String, String> outboxStates() {
        Map<String, String> states = new HashMap<>();
        for (Document lead : mongo.getDatabase("rdz_intake")
                .getCollection("leads")
                .find()
                .projection(Projections.include("outbox.state"))) {
            Document outbox = lead.get("outbox", Document.class);
            states.put(lead.getString("_id"), outbox == null ? null : outbox.getString("state"));
        }
        return states;
    }

    /** Reads {@code rdz.lead.received.v1} up to its current end. */
    static void catchUpWithTopic() {
        Map<TopicPartition, Long> end = received.endOffsets(received.assignment());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (end.entrySet().stream().anyMatch(e -> received.position(e.getKey()) < e.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + Topics.LEAD_RECEIVED + " to its end " + end);
            }
            for (ConsumerRecord<String, Envelope<?>> record : received.poll(Duration.ofMillis(200))) {
                if (record.value() != null && record.value().payload() instanceof LeadReceived lead) {
                    published.add(lead.lead().leadId());
                    records++;
                }
            }
        }
    }

    static Set<String> missing(Set<String> expected, Set<String> present) {
        return expected.stream().filter(id -> !present.contains(id)).collect(Collectors.toSet());
    }

    /** Plays routing-service: the form and its LP on the compacted catalog topics. */
    static void publishCatalog() throws Exception {
        Instant now = Instant.now();
        try (KafkaProducer<String, Envelope<?>> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        rdz.stack().kafka().bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new EnvelopeSerializer())) {
            for (Envelope<?> snapshot : List.of(
                    Envelope.of(
                            new FormSnapshot(
                                    FORM, Entity.ZR7, Product.PV, "Kill -9", LP, null, CatalogStatus.ACTIVE, now),
                            "routing-service",
                            now),
                    Envelope.of(
                            new LpSnapshot(
                                    LP,
                                    Entity.ZR7,
                                    "Kill -9",
                                    "https://lp.example.fr/k9",
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

    static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
