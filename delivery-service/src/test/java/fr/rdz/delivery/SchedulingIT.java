package fr.rdz.delivery;

import static fr.rdz.delivery.DeliveryFixtures.client;
import static fr.rdz.delivery.DeliveryFixtures.commande;
import static fr.rdz.delivery.DeliveryFixtures.routed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import fr.rdz.delivery.mongo.MongoCollections;
import fr.rdz.delivery.run.application.SchedulingDailyRuns;
import fr.rdz.events.ClientSnapshot;
import fr.rdz.events.CommandeSnapshot;
import fr.rdz.events.Entity;
import fr.rdz.events.LeadDelivered;
import fr.rdz.events.RoutingState;
import fr.rdz.events.Topics;
import fr.rdz.rules.ParisCalendar;
import fr.rdz.stack.RdzTestStack;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.support.SimpleTriggerContext;

/**
 * The service as deployed, three instances on one broker and one database, each with its 09:30 cron,
 * start-up catch-up, sweeper and ShedLock: the cron of every instance fires at 09:30 Paris time in
 * winter and in summer, and when all three fire at once at D 09:30 Paris, exactly one run per entity is
 * made — created at 09:30 — and each lead is delivered once.
 */
class SchedulingIT extends DeliveryIntegrationTest {

    /** A Tuesday in winter; no other test plans this date. */
    private static final LocalDate DAY = LocalDate.of(2031, 3, 4);

    private static final Instant NINE_THIRTY = ParisCalendar.runReference(DAY);

    /** The instances' shared clock: before 09:30 at start (nothing to catch up), 09:30 when they fire. */
    private static final SettableClock CLOCK = new SettableClock(NINE_THIRTY.minus(Duration.ofMinutes(90)));

    private static final List<ConfigurableApplicationContext> INSTANCES = new ArrayList<>();

    @BeforeAll
    static void startThreeInstances() {
        // one after the other: Spring Boot's logging initialisation cannot run concurrently in one JVM
        // ("Unable to find Spring Environment in logger context"); all three are up before 09:30 comes
        RdzTestStack stack = RdzTestStack.get();
        for (int i = 1; i <= 3; i++) {
            INSTANCES.add(new SpringApplicationBuilder(DeliveryApplication.class)
                    .profiles("test")
                    .initializers(context -> context.getBeanFactory().registerSingleton("clock", CLOCK))
                    .run(
                            "--server.port=0",
                            "--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrapServers(),
                            "--spring.data.mongodb.uri=" + stack.mongoUri("rdz_delivery"),
                            "--rdz.delivery.scheduling-enabled=true",
                            "--rdz.delivery.instance-id=scheduled-" + i));
        }
    }

    @AfterAll
    static void stopInstances() {
        INSTANCES.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void everyInstanceFiresTheDailyRunAtHalfPastNineParisTimeInWinterAndSummer() {
        for (ConfigurableApplicationContext instance : INSTANCES) {
            CronTask daily = dailyRunTask(instance);
            Instant winterEvening = Instant.parse("2031-01-14T20:00:00Z");
            Instant summerEvening = Instant.parse("2031-07-14T20:00:00Z");

            assertThat(nextFiring(daily, winterEvening)).isEqualTo(Instant.parse("2031-01-15T08:30:00Z"));
            assertThat(nextFiring(daily, summerEvening)).isEqualTo(Instant.parse("2031-07-15T07:30:00Z"));
            assertThat(nextFiring(daily, NINE_THIRTY.minusSeconds(1))).isEqualTo(NINE_THIRTY);
        }
    }

    @Test
    void threeInstancesFiringTogetherAtHalfPastNineMakeOneRunPerEntityAndDeliverEachLeadOnce() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String clientId = "cl-sched-" + suffix;
        String commandeId = "cmd-sched-" + suffix;
        String mdlClientId = "cl-sched-mdl-" + suffix;
        String mdlCommandeId = "cmd-sched-mdl-" + suffix;
        publish(client(clientId));
        publish(commande(commandeId, clientId, "05", DAY, 4));
        publish(ofMdl(client(mdlClientId)));
        publish(ofMdl(commande(mdlCommandeId, mdlClientId, "05", DAY, 4)));
        Instant received = ParisCalendar.runReference(DAY.minusDays(1));
        for (int i = 0; i < 6; i++) {
            publish(routed(
                    "sched-" + suffix + "-" + i, "065000000" + i, "05", received.plusSeconds(i), RoutingState.FRESH));
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> count(MongoCollections.POOL, Filters.regex("_id", "^sched-" + suffix)) == 6
                        && count(MongoCollections.COMMANDES, Filters.in("_id", commandeId, mdlCommandeId)) == 2
                        && count(MongoCollections.CLIENTS, Filters.in("_id", clientId, mdlClientId)) == 2);

        // 09:30 Paris: the cron of each of the three instances fires at the same moment
        CLOCK.set(NINE_THIRTY);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Void>> firing = INSTANCES.stream()
                .map(instance -> CompletableFuture.runAsync(() -> {
                    awaitQuietly(go);
                    // what the scheduler runs at 09:30: the cron task's own runnable (ShedLock included)
                    dailyRunTask(instance).getRunnable().run();
                }))
                .toList();
        go.countDown();
        CompletableFuture.allOf(firing.toArray(CompletableFuture[]::new)).get();

        await().atMost(Duration.ofSeconds(60))
                .until(() -> count(MongoCollections.RUNS, Filters.eq("date", DAY.toString())) == 2);
        List<Document> runs = mongo.getCollection(MongoCollections.RUNS)
                .flatMapMany(c -> c.find(Filters.eq("date", DAY.toString())))
                .collectList()
                .block(Duration.ofSeconds(10));
        assertThat(runs).extracting(r -> r.getString("entity")).containsExactlyInAnyOrder("ZR7", "MDL");
        assertThat(runs)
                .extracting(r -> r.get("created_at", Date.class).toInstant())
                .containsOnly(NINE_THIRTY);
        assertThat(runs).extracting(r -> r.getString("owner")).allSatisfy(owner -> assertThat(owner)
                .startsWith("scheduled-"));

        List<LeadDelivered> delivered =
                read(
                                Topics.LEAD_DELIVERED,
                                LeadDelivered.class,
                                d -> d.commandeId().equals(commandeId),
                                4)
                        .stream()
                        .map(r -> r.value().payload())
                        .toList();
        Map<String, Long> perLead =
                delivered.stream().collect(Collectors.groupingBy(LeadDelivered::leadId, Collectors.counting()));
        assertThat(perLead).hasSize(4).allSatisfy((lead, times) -> assertThat(times)
                .isEqualTo(1));
        assertThat(count(MongoCollections.LEDGER, Filters.eq("commande_id", commandeId)))
                .isEqualTo(4);
    }

    private static ClientSnapshot ofMdl(ClientSnapshot c) {
        return new ClientSnapshot(
                c.id(),
                Entity.MDL,
                c.name(),
                c.emails(),
                c.deliveryChannel(),
                c.apiUrl(),
                c.apiKeyEncrypted(),
                c.apiKeyHint(),
                c.active(),
                c.deleted(),
                c.updatedAt());
    }

    private static CommandeSnapshot ofMdl(CommandeSnapshot c) {
        return new CommandeSnapshot(
                c.id(),
                Entity.MDL,
                c.clientId(),
                c.product(),
                c.departements(),
                c.weeklyQuota(),
                c.deliveryDays(),
                c.lbMaxPercent(),
                c.priority(),
                c.allowCrossEntity(),
                c.startsOn(),
                c.endsOn(),
                c.active(),
                c.deleted(),
                c.createdAt(),
                c.updatedAt());
    }

    private static CronTask dailyRunTask(ConfigurableApplicationContext instance) {
        return instance.getBean(ScheduledTaskHolder.class).getScheduledTasks().stream()
                .map(ScheduledTask::getTask)
                .filter(CronTask.class::isInstance)
                .map(CronTask.class::cast)
                .filter(t -> t.getRunnable().toString().endsWith(SchedulingDailyRuns.class.getName() + ".dailyRun"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no cron task for dailyRun"));
    }

    private static Instant nextFiring(CronTask task, Instant after) {
        return task.getTrigger().nextExecution(new SimpleTriggerContext(Clock.fixed(after, ZoneOffset.UTC)));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The instances' clock, set by the test instead of waiting for the time of day. */
    static final class SettableClock extends Clock {

        private final AtomicReference<Instant> now;

        SettableClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void set(Instant instant) {
            now.set(instant);
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
