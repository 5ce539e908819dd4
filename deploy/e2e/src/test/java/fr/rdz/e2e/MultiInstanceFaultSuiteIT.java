package fr.rdz.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The fault suite ({@link FaultSuite}) on several instances of every service sharing one broker and one
 * database: two intake (the load goes round robin), two routing, three delivery (each run asked of all
 * three at once: one run per entity must result, no lead twice to a client), two notifier, two crm-push.
 * A fault kills one instance ({@code intake}, {@code delivery}…: the first of its kind, or the one doing the
 * work) while the others go on; the infrastructure faults (Kafka broker killed or restarted, MongoDB
 * killed, the CRM stalled) hit every instance at once. The load retries a submission not answered on the
 * other intake, as a landing page behind a load balancer would ({@link LeadLoad#balanced}). Eleven JVMs: run by {@code deploy/run-faults.sh} ({@code -Drdz.faults.multi=true}), not in the
 * CI's {@code ./mvnw verify}; {@code -Drdz.faults.multi-faults=DELIVERY_KILL,KAFKA_KILL} chooses the faults.
 */
@EnabledIfSystemProperty(named = "rdz.faults.multi", matches = "true")
class MultiInstanceFaultSuiteIT {

    static final List<Fault> DEFAULT = List.of(
            Fault.NONE,
            Fault.INTAKE_KILL,
            Fault.ROUTING_KILL,
            Fault.DELIVERY_KILL,
            Fault.CRM_PUSH_KILL,
            Fault.NOTIFIER_KILL,
            Fault.KAFKA_KILL,
            Fault.MONGO_KILL,
            Fault.BROKER_RESTART,
            Fault.CRM_STALL);

    static FaultSuite suite;

    @BeforeAll
    static void start() throws Exception {
        suite = FaultSuite.start(
                "multi",
                Path.of("target", "e2e-faults-multi"),
                FaultSuite.MULTI,
                Integer.getInteger("rdz.faults.leads", 30));
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void noLeadAnswered2xxIsLostNorDuplicatedWithSeveralInstancesOfEveryService() throws Exception {
        String chosen = System.getProperty("rdz.faults.multi-faults", "");
        suite.run(
                chosen.isBlank()
                        ? DEFAULT
                        : java.util.Arrays.stream(chosen.split(","))
                                .map(String::trim)
                                .map(Fault::valueOf)
                                .toList());
        String table = suite.table();
        System.out.println("[MultiInstanceFaultSuiteIT]\n" + table + String.join("\n", suite.notes()));
        FaultSuiteIT.assertExpected(suite, table);
        for (FaultChecker.Row row : suite.rows()) {
            // three deliveries asked for each run at once: the leads of a fault are planned by one run
            assertThat(row.runs())
                    .as("runs that planned the leads of " + row.fault() + "\n" + table)
                    .isEqualTo(1);
        }
    }
}
