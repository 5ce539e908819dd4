package fr.rdz.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The fault suite with its checker (issue 14), one instance of each service: see {@link FaultSuite}.
 * {@code ./mvnw verify} runs the short profile (the faults of {@link #SHORT}); {@code -Drdz.faults=all}
 * (what {@code deploy/run-faults.sh} passes) runs every fault of {@link Fault}, {@code
 * -Drdz.faults=INTAKE_KILL,CRM_STALL} a chosen few; {@code -Drdz.faults.leads} sets the leads per run.
 *
 * <p>Expected for every fault: lost = 0, no lead twice to one client; duplicates only in the documented
 * crash windows, counted: an e-mail sent twice for a batch when notifier dies between the SMTP server's
 * acceptance and its {@code SENT} write (same {@code Message-ID}), a POST after a success when crm-push
 * dies between the CRM's answer and its ledger write (at most the pushes in flight: 10 per CRM host).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteIT {

    static final List<Fault> SHORT =
            List.of(Fault.INTAKE_KILL, Fault.ROUTING_KILL, Fault.CRM_PUSH_KILL, Fault.NOTIFIER_KILL, Fault.CRM_STALL);

    static FaultSuite suite;

    @BeforeAll
    static void start() throws Exception {
        suite = FaultSuite.start(
                "single",
                Path.of("target", "e2e-faults"),
                FaultSuite.SINGLE,
                Integer.getInteger("rdz.faults.leads", 30),
                FaultSuite.JSON_LOGS);
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
    }

    /**
     * One lead followed by its correlation id through the JSON logs of all five services (before any
     * fault): its lead id from intake's HTTP request to delivery's pool, its batch id from the run to the
     * e-mail and the push.
     */
    @Test
    @Order(1)
    void oneLeadIsFollowedByItsCorrelationIdThroughTheJsonLogsOfAllFiveServices() throws Exception {
        FaultSuite.Followed followed = suite.followOneLead();
        assertThat(followed.row().lost())
                .as("the followed lead e-mailed and pushed")
                .isEmpty();
        JsonLogs logs = new JsonLogs(suite.logDir());
        await("the lead's ids in every service's JSON log")
                .atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    assertThat(logs.linesWith("intake", followed.leadId()))
                            .as("intake: the lead stored, from the HTTP request")
                            .anySatisfy(l -> assertThat(l.path("correlation_id").asText())
                                    .isEqualTo(followed.leadId()));
                    assertThat(logs.linesWith("routing", followed.leadId()))
                            .as("routing: the lead routed")
                            .anySatisfy(l -> assertThat(l.path("correlation_id").asText())
                                    .isEqualTo(followed.leadId()));
                    assertThat(logs.linesWith("delivery", followed.leadId()))
                            .as("delivery: the lead in the pool")
                            .isNotEmpty();
                    assertThat(logs.linesWith("delivery", followed.batchId()))
                            .as("delivery: the batch's outcomes")
                            .isNotEmpty();
                    assertThat(logs.linesWith("notifier", followed.batchId()))
                            .as("notifier: the batch e-mailed")
                            .isNotEmpty();
                    assertThat(logs.linesWith("crm-push", followed.batchId()))
                            .as("crm-push: the lead of the batch pushed")
                            .anySatisfy(l -> {
                                assertThat(l.path("correlation_id").asText()).isEqualTo(followed.batchId());
                                assertThat(l.path("lead_id").asText()).isEqualTo(followed.leadId());
                            });
                });
        for (String service : RdzProcesses.SERVICES) {
            for (String id : List.of(followed.leadId(), followed.batchId())) {
                logs.linesWith(service, id).stream()
                        .findFirst()
                        .ifPresent(l -> System.out.printf(
                                "[FaultSuiteIT] %s: correlation_id=%s lead_id=%s batch_id=%s message=%s%n",
                                service,
                                l.path("correlation_id").asText(),
                                l.path("lead_id").asText(),
                                l.path("batch_id").asText(),
                                l.path("message").asText()));
            }
        }
    }

    @Test
    @Order(2)
    void noLeadAnswered2xxIsLostNorDuplicatedWhateverFaultIsInjected() throws Exception {
        suite.run(faults(SHORT));
        String table = suite.table();
        System.out.println("[FaultSuiteIT]\n" + table + String.join("\n", suite.notes()));
        assertExpected(suite, table);
    }

    static List<Fault> faults(List<Fault> byDefault) {
        String chosen = System.getProperty("rdz.faults", "");
        if (chosen.isBlank()) {
            return byDefault;
        }
        if (chosen.equals("all")) {
            return List.of(Fault.values());
        }
        return Arrays.stream(chosen.split(","))
                .map(String::trim)
                .map(Fault::valueOf)
                .toList();
    }

    /** lost = 0; duplicates only in the crash window of the fault that opens it, and bounded. */
    static void assertExpected(FaultSuite suite, String table) {
        for (FaultChecker.Row row : suite.rows()) {
            String context =
                    row.fault() + " (" + row.topology() + ")\n" + table + "\n" + String.join("\n", suite.notes());
            assertThat(row.answered()).as("leads answered 2xx, " + context).isPositive();
            assertThat(row.lost()).as("lost, " + context).isEmpty();
            assertThat(row.leadTwiceToClient())
                    .as("a lead twice to one client, " + context)
                    .isZero();
            if (row.fault().equals(Fault.NOTIFIER_KILL.label)) {
                assertThat(row.emailTwiceForBatch())
                        .as("e-mails sent again after notifier's crash window (one batch per run), " + context)
                        .isLessThanOrEqualTo(1);
            } else {
                assertThat(row.emailTwiceForBatch())
                        .as("an e-mail twice for a batch, " + context)
                        .isZero();
            }
            if (row.fault().equals(Fault.CRM_PUSH_KILL.label)) {
                assertThat(row.postAfterSuccess())
                        .as("POSTs again after crm-push's crash window (at most the 10 in flight), " + context)
                        .isLessThanOrEqualTo(10);
            } else {
                assertThat(row.postAfterSuccess())
                        .as("a POST after a success, " + context)
                        .isZero();
            }
        }
    }
}
