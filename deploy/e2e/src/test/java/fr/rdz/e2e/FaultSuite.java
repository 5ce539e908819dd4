package fr.rdz.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.awaitility.core.ConditionTimeoutException;
import org.bson.Document;

/**
 * The fault suite (issue 14): the local stack split into Kafka, MongoDB and SMTP processes ({@link
 * SplitStack}), the five services from their exec jars — one instance each, or several on the same broker
 * and databases — and a {@link FaultCrm}. Each fault gets its own client and commande (its own
 * département, so that its leads go to it alone): leads are submitted by a {@link LeadLoad}, the fault
 * is injected while they are submitted ({@link Fault.Phase#LOAD}) or while their run is planned, e-mailed
 * and pushed ({@link Fault.Phase#RUN}), and the {@link FaultChecker} counts what became of every lead
 * answered 2xx. {@link #rows()} is the table.
 */
final class FaultSuite implements AutoCloseable {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** Crash-recovery delays of the services shortened (same code paths), so that a run ends in minutes. */
    static final List<String> SHORT_RECOVERY = List.of(
            "--rdz.intake.outbox.sweep-interval=1s",
            "--rdz.intake.outbox.full-sweep-interval=3s",
            // the load plays the reverse proxy: each lead has its own client address
            "--rdz.intake.trusted-proxies=127.0.0.1/32",
            "--rdz.delivery.planning-lease=PT15S",
            "--rdz.delivery.outbox-sweep=PT5S",
            "--rdz.notifier.lease=20s",
            "--rdz.notifier.retry.delay=2000",
            "--rdz.notifier.retry.max-delay=10000",
            "--rdz.crm-push.retry-delays=2s,4s,8s,15s,30s",
            "--rdz.crm-push.lease=30s",
            "--rdz.crm-push.max-queue-wait=10s",
            "--rdz.crm-push.response-timeout=5s",
            "--resilience4j.timelimiter.configs.crm.timeout-duration=6s",
            "--resilience4j.circuitbreaker.configs.crm.wait-duration-in-open-state=5s",
            "--rdz.crm-push.recovery-interval=5s",
            "--rdz.crm-push.recovery-grace=15s");

    /**
     * JSON logs (Spring Boot's structured logging, ECS), the correlation ids following onto reactive
     * threads, and the per-lead lines of intake (lead stored) and delivery (lead in the pool), which log
     * at DEBUG.
     */
    static final List<String> JSON_LOGS = List.of(
            "--logging.structured.format.console=ecs",
            "--spring.reactor.context-propagation=auto",
            "--logging.level.fr.rdz.intake.lead.application.ReceivingLead=DEBUG",
            "--logging.level.fr.rdz.delivery.pool.application.KeepingPoolView=DEBUG");

    static final List<String> SINGLE = List.of("intake", "routing", "delivery", "notifier", "crm-push");
    static final List<String> MULTI = List.of(
            "intake",
            "intake#2",
            "routing",
            "routing#2",
            "delivery",
            "delivery#2",
            "delivery#3",
            "notifier",
            "notifier#2",
            "crm-push",
            "crm-push#2");

    private final String topology;
    private final Path work;
    private final int leadsPerRun;
    private final SplitStack stack;
    private final FaultCrm crm;
    private final RdzProcesses rdz;
    private final MongoClient mongo;
    private final FaultChecker checker;
    private final AdminApi api = new AdminApi();
    private final String formCode;
    private final List<FaultChecker.Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** When each fault was injected (for a CRM stall: when the CRM answered again). */
    private final Map<Fault, Instant> faultedAt = new HashMap<>();

    private final LocalDate today = LocalDate.now(PARIS);
    private int runs;
    private int departements;

    private FaultSuite(String topology, Path work, int leadsPerRun, SplitStack stack, FaultCrm crm, RdzProcesses rdz)
            throws Exception {
        this.topology = topology;
        this.work = work;
        this.leadsPerRun = leadsPerRun;
        this.stack = stack;
        this.crm = crm;
        this.rdz = rdz;
        this.mongo = MongoClients.create(stack.mongoUri(""));
        this.checker = new FaultChecker(mongo, stack.mailDir(), crm);
        rdz.awaitHealthy(Duration.ofMinutes(6));
        formCode = api.post(
                        url("routing") + "/admin/forms",
                        Map.of("entity", "ZR7", "product", "PV", "name", "Fault suite " + topology))
                .path("code")
                .asText();
        await("intake knows form " + formCode)
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> mongo.getDatabase("rdz_intake")
                                .getCollection("forms")
                                .countDocuments(Filters.eq("_id", formCode))
                        == 1);
    }

    /** Starts the stack, the CRM and the {@code instances}; waits until every service is up. */
    static FaultSuite start(String topology, Path work, List<String> instances, int leadsPerRun) throws Exception {
        return start(topology, work, instances, leadsPerRun, List.of());
    }

    /** … each service given {@code extraArgs} too. */
    static FaultSuite start(String topology, Path work, List<String> instances, int leadsPerRun, List<String> extraArgs)
            throws Exception {
        IntakeKillNineIT.deleteRecursively(work);
        FaultCrm crm = FaultCrm.start();
        SplitStack stack = SplitStack.start(
                work.resolve("var").toAbsolutePath(), work.resolve("logs").toAbsolutePath());
        List<String> args = new ArrayList<>(SHORT_RECOVERY);
        args.addAll(extraArgs);
        RdzProcesses rdz = RdzProcesses.start(work, stack, "http://localhost", instances, args);
        try {
            return new FaultSuite(topology, work, leadsPerRun, stack, crm, rdz);
        } catch (Exception | Error e) {
            rdz.close();
            stack.close();
            crm.close();
            throw e;
        }
    }

    /** A commande of its own for one fault run. */
    private record Target(Fault fault, String clientId, String commandeId, LeadLoad.Form form) {}

    /** Runs the faults, load-phase faults first (their leads share one run), then one run per run-phase fault. */
    void run(List<Fault> faults) throws Exception {
        Map<Target, LeadLoad> loaded = new LinkedHashMap<>();
        for (Fault fault : faults) {
            if (fault.phase == Fault.Phase.LOAD) {
                Target target = newTarget(fault);
                loaded.put(target, loadWith(target));
            }
        }
        if (!loaded.isEmpty()) {
            LocalDate date = nextRunDate();
            awaitInPool(loaded, date);
            startRun(date);
            awaitRunPublished(date);
            for (Map.Entry<Target, LeadLoad> e : loaded.entrySet()) {
                check(e.getKey(), e.getValue());
            }
        }
        for (Fault fault : faults) {
            if (fault.phase == Fault.Phase.RUN) {
                Target target = newTarget(fault);
                LeadLoad load = LeadLoad.balanced(4, leadsPerRun, target.form(), intakeList());
                await("leads of " + fault + " submitted")
                        .atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(200))
                        .until(load::idle);
                load.stop();
                LocalDate date = nextRunDate();
                awaitInPool(Map.of(target, load), date);
                runWith(target, load, date);
                check(target, load);
            }
        }
    }

    /** One lead through the whole path without fault: its id and its batch's id once it is e-mailed and pushed. */
    record Followed(String leadId, String batchId, FaultChecker.Row row) {}

    Followed followOneLead() throws Exception {
        Target target = newTarget(Fault.NONE);
        LeadLoad load = LeadLoad.single(target.form(), intakeUrls());
        await("one lead answered 201")
                .atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> load.submitQuietly().statusCode() == 201);
        LocalDate date = nextRunDate();
        awaitInPool(Map.of(target, load), date);
        startRun(date);
        awaitRunPublished(date);
        FaultChecker.Row row = awaitRow(target, load.answered(), new Instant[1]).withLoad(load.sent(), 0, "-");
        return new Followed(
                load.answered().keySet().iterator().next(), "run-ZR7-" + date + ":" + target.commandeId(), row);
    }

    Path logDir() {
        return rdz.logDir();
    }

    private Target newTarget(Fault fault) {
        int n = ++departements;
        String departement = String.valueOf(40 + n);
        String name = "Pannes " + n + " " + topology;
        String clientId = api.post(
                        url("routing") + "/admin/clients",
                        Map.of(
                                "entity",
                                "ZR7",
                                "name",
                                name,
                                "emails",
                                List.of("leads@pannes-" + n + ".example.fr"),
                                "delivery_channel",
                                "both",
                                "api_url",
                                crm.url(),
                                "api_key",
                                "crm_fault_key_" + (1000 + n)))
                .path("id")
                .asText();
        String commandeId = api.post(
                        url("routing") + "/admin/commandes",
                        Map.of(
                                "entity",
                                "ZR7",
                                "client_id",
                                clientId,
                                "product",
                                "PV",
                                "departements",
                                List.of(departement),
                                "weekly_quota",
                                5000,
                                "delivery_days",
                                List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"),
                                "lb_max_percent",
                                0,
                                "priority",
                                1,
                                "starts_on",
                                today.toString()))
                .path("id")
                .asText();
        return new Target(
                fault, clientId, commandeId, new LeadLoad.Form(formCode, null, departement + "100", fault.name()));
    }

    /** Leads submitted by 4 clients; the fault is injected once a third of them are answered. */
    private LeadLoad loadWith(Target target) throws Exception {
        Fault fault = target.fault();
        LeadLoad load = LeadLoad.balanced(4, leadsPerRun, target.form(), intakeList());
        awaitQuietly(
                "a third of the leads answered before " + fault,
                Duration.ofMinutes(2),
                () -> load.answeredCount() >= leadsPerRun / 3 || load.idle());
        faultedAt.put(fault, Instant.now());
        switch (fault) {
            case NONE -> {}
            case INTAKE_KILL -> killAndRestart("intake");
            case ROUTING_KILL -> killAndRestart("routing");
            case KAFKA_KILL -> {
                stack.kill("kafka");
                stack.restart("kafka");
            }
            case MONGO_KILL -> {
                stack.kill("mongo");
                stack.restart("mongo");
            }
            case BROKER_RESTART -> {
                stack.stop("kafka");
                stack.restart("kafka");
            }
            default -> throw new IllegalArgumentException(fault + " is not a load fault");
        }
        // leads after the fault too: the services are back
        load.allow(leadsPerRun / 3);
        awaitQuietly("leads of " + fault + " submitted", Duration.ofMinutes(3), load::idle);
        load.stop();
        note(fault, "load: " + load);
        return load;
    }

    private void runWith(Target target, LeadLoad load, LocalDate date) throws Exception {
        Fault fault = target.fault();
        String batchId = "run-ZR7-" + date + ":" + target.commandeId();
        if (fault == Fault.CRM_STALL) {
            crm.stall();
        }
        startRun(date);
        switch (fault) {
            case DELIVERY_KILL -> {
                boolean planning = awaitQuietly(
                        "the run is being planned",
                        Duration.ofMinutes(1),
                        Duration.ofMillis(10),
                        () -> mongo.getDatabase("rdz_delivery")
                                        .getCollection("runs")
                                        .countDocuments(Filters.eq("_id", "run-ZR7-" + date))
                                > 0);
                Document run = mongo.getDatabase("rdz_delivery")
                        .getCollection("runs")
                        .find(Filters.eq("_id", "run-ZR7-" + date))
                        .first();
                // several deliveries: the one holding the run's planning lease is planning it
                String owner = run == null ? null : run.getString("owner");
                String victim = owner != null && instancesOf("delivery").contains(owner) ? owner : "delivery";
                note(
                        fault,
                        victim + " killed with the run " + (run == null ? "absent" : run.getString("state"))
                                + (planning ? "" : " (not seen planning)")
                                + (instancesOf("delivery").size() > 1 ? ", owned by " + owner : ""));
                faultedAt.put(fault, Instant.now());
                killAndRestart(victim);
                // asked again, as an operator would: the abandoned run is taken over or answered as it is
                awaitQuietly("the run answered after the restart", Duration.ofMinutes(3), () -> {
                    api.post(
                            url("delivery") + "/admin/runs",
                            Map.of("entity", "ZR7", "date", date.toString(), "dry_run", false));
                    return true;
                });
            }
            case CRM_PUSH_KILL -> {
                awaitQuietly(
                        "a quarter of the pushes made",
                        Duration.ofMinutes(3),
                        () -> crmPostsOf(load) >= Math.max(1, load.answeredCount() / 4));
                note(fault, "crm-push killed after " + crmPostsOf(load) + " POSTs of " + load.answeredCount());
                faultedAt.put(fault, Instant.now());
                killAndRestart("crm-push");
            }
            case NOTIFIER_KILL -> {
                boolean claimed = awaitQuietly(
                        "the batch claimed for sending",
                        Duration.ofMinutes(3),
                        Duration.ofMillis(10),
                        () -> mongo.getDatabase("rdz_notifier")
                                        .getCollection("sent_mails")
                                        .countDocuments(Filters.eq("_id", batchId))
                                > 0);
                Document mail = mongo.getDatabase("rdz_notifier")
                        .getCollection("sent_mails")
                        .find(Filters.eq("_id", batchId))
                        .first();
                // several notifiers: the one whose consumer holds the batch's partition is sending it
                java.util.Optional<String> sender = instancesOf("notifier").size() == 1
                        ? java.util.Optional.of("notifier")
                        : KafkaAssignments.consumerOf(
                                stack.kafkaBootstrap(),
                                instancesOf("notifier"),
                                fr.rdz.events.Topics.DELIVERY_PLANNED,
                                target.clientId());
                String victim = sender.orElse("notifier");
                note(
                        fault,
                        victim + (sender.isPresent() ? "" : " (the batch's consumer not found)")
                                + " killed with the e-mail " + (mail == null ? "not claimed" : mail.getString("state"))
                                + (claimed ? "" : " (claim not seen)"));
                faultedAt.put(fault, Instant.now());
                killAndRestart(victim);
            }
            case CRM_STALL -> {
                awaitQuietly(
                        "pushes held by the stalled CRM and retried",
                        Duration.ofMinutes(3),
                        () -> stalledPostsOf(load) >= Math.min(3, load.answeredCount()) && retrying(load, batchId));
                note(fault, stalledPostsOf(load) + " POSTs held unanswered by the stalled CRM");
                crm.resume();
                faultedAt.put(fault, Instant.now());
            }
            default -> throw new IllegalArgumentException(fault + " is not a run fault");
        }
        awaitRunPublished(date);
    }

    /** The run of {@code date} asked of every delivery instance at once (one run per entity must result). */
    private void startRun(LocalDate date) {
        for (String delivery : instancesOf("delivery")) {
            CompletableFuture.runAsync(() -> {
                try {
                    api.post(
                            url(delivery) + "/admin/runs",
                            Map.of("entity", "ZR7", "date", date.toString(), "dry_run", false));
                } catch (RuntimeException e) {
                    // 409 (another instance plans it) or killed meanwhile: the run is awaited in Mongo
                }
            });
        }
    }

    private void awaitRunPublished(LocalDate date) {
        awaitQuietly("run " + date + " published", Duration.ofMinutes(3), () -> {
            Document run = mongo.getDatabase("rdz_delivery")
                    .getCollection("runs")
                    .find(Filters.eq("_id", "run-ZR7-" + date))
                    .first();
            return run != null && "PUBLISHED".equals(run.getString("state"));
        });
    }

    /** Until a dry run of {@code date} plans every routed lead of each target (delivery's pool has them). */
    private void awaitInPool(Map<Target, LeadLoad> targets, LocalDate date) {
        awaitQuietly("leads in delivery's pool", Duration.ofMinutes(4), () -> {
            JsonNode preview = api.post(
                    url("delivery") + "/admin/runs", Map.of("entity", "ZR7", "date", date.toString(), "dry_run", true));
            for (Map.Entry<Target, LeadLoad> e : targets.entrySet()) {
                int planned = 0;
                for (JsonNode batch : preview.path("batches")) {
                    if (e.getKey().commandeId().equals(batch.path("commande_id").asText())) {
                        planned = batch.path("lead_ids").size();
                    }
                }
                if (planned < e.getValue().answeredCount()) {
                    return false;
                }
            }
            return true;
        });
    }

    private void check(Target target, LeadLoad load) {
        Map<String, String> answered = load.answered();
        Instant fault = faultedAt.get(target.fault());
        Instant[] whole = new Instant[1];
        FaultChecker.Row row = awaitRow(target, answered, whole);
        // back after: a load fault, until a lead submitted after it was answered 2xx; a run fault, until every
        // lead was e-mailed and pushed
        String backAfter = fault == null
                ? "-"
                : target.fault().phase == Fault.Phase.LOAD
                        ? load.backAfter(fault).map(FaultSuite::seconds).orElse("never")
                        : whole[0] == null ? "never" : seconds(Duration.between(fault, whole[0]));
        row = row.withLoad(load.sent(), load.unanswered(), backAfter);
        rows.add(row);
        String line = row.tableLine();
        System.out.println("[FaultSuite] " + line);
        append(line);
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /**
     * The checker's row once nothing is lost any more, or as it stands after a generous wait; {@code whole[0]}
     * set to when nothing was lost.
     */
    private FaultChecker.Row awaitRow(Target target, Map<String, String> answered, Instant[] whole) {
        Map<String, FaultChecker.Row> last = new HashMap<>();
        awaitQuietly(
                "every lead of " + target.fault() + " e-mailed and pushed",
                Duration.ofMinutes(4),
                Duration.ofSeconds(2),
                () -> {
                    FaultChecker.Row row = checker.check(target.fault().label, topology, answered, target.commandeId());
                    last.put("row", row);
                    if (row.lost().isEmpty()) {
                        whole[0] = Instant.now();
                        return true;
                    }
                    return false;
                });
        // once more after the last outcome: a late duplicate counts too
        return checker.check(target.fault().label, topology, answered, target.commandeId());
    }

    private void killAndRestart(String instance) throws IOException {
        rdz.kill(instance);
        rdz.restart(instance);
        rdz.awaitHealthy(instance, Duration.ofMinutes(4));
    }

    private long crmPostsOf(LeadLoad load) {
        var phones = new java.util.HashSet<>(load.answered().values());
        return crm.posts().stream().filter(p -> phones.contains(p.phone())).count();
    }

    private long stalledPostsOf(LeadLoad load) {
        var phones = new java.util.HashSet<>(load.answered().values());
        return crm.posts().stream()
                .filter(p -> p.status() == FaultCrm.UNANSWERED && phones.contains(p.phone()))
                .count();
    }

    /** crm-push has given up waiting for the stalled CRM at least once (a push of the batch is retrying). */
    private boolean retrying(LeadLoad load, String batchId) {
        List<String> ids =
                load.answered().keySet().stream().map(id -> batchId + ":" + id).toList();
        return mongo.getDatabase("rdz_crm_push")
                        .getCollection("push_attempts")
                        .countDocuments(Filters.and(Filters.in("_id", ids), Filters.eq("status", "RETRYING")))
                > 0;
    }

    private LocalDate nextRunDate() {
        // the leads are received today: Fresh for 8 days, so at most 7 runs after today
        return today.plusDays(++runs);
    }

    private java.util.function.Supplier<String> intakeUrls() {
        return LeadLoad.roundRobin(intakeList());
    }

    /** The intake instances, behind the load's load balancer. */
    private List<String> intakeList() {
        return instancesOf("intake").stream().map(rdz::url).toList();
    }

    private List<String> instancesOf(String service) {
        return rdz.instances().stream()
                .filter(i -> RdzProcesses.serviceOf(i).equals(service))
                .toList();
    }

    /** The base URL of one running instance ({@code "intake"}, {@code "delivery#2"}…). */
    String url(String instance) {
        return rdz.url(instance);
    }

    private void note(Fault fault, String note) {
        String line = topology + " / " + fault.label + ": " + note;
        notes.add(line);
        System.out.println("[FaultSuite] " + line);
    }

    private void append(String line) {
        try {
            Path table = work.resolve("table.md");
            if (!Files.exists(table)) {
                Files.writeString(table, FaultChecker.TABLE_HEADER + "\n");
            }
            Files.writeString(table, line + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Waits for {@code condition}; false when it did not hold in time (the checker then shows what is missing). */
    private static boolean awaitQuietly(String what, Duration timeout, Callable<Boolean> condition) {
        return awaitQuietly(what, timeout, Duration.ofMillis(200), condition);
    }

    private static boolean awaitQuietly(String what, Duration timeout, Duration poll, Callable<Boolean> condition) {
        try {
            await(what).atMost(timeout).pollInterval(poll).ignoreExceptions().until(condition);
            return true;
        } catch (ConditionTimeoutException e) {
            System.out.println("[FaultSuite] timed out: " + what);
            return false;
        }
    }

    List<FaultChecker.Row> rows() {
        return List.copyOf(rows);
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    String table() {
        StringBuilder table = new StringBuilder(FaultChecker.TABLE_HEADER).append('\n');
        rows.forEach(r -> table.append(r.tableLine()).append('\n'));
        return table.toString();
    }

    FaultChecker checker() {
        return checker;
    }

    @Override
    public void close() {
        mongo.close();
        rdz.close();
        stack.close();
        crm.close();
    }
}
