package fr.rdz.e2e;

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
 * A fault kills one instance ({@code intake}, {@code delivery}…: the first of its kind) while the others
 * go on. Eleven JVMs: run by {@code deploy/run-faults.sh} ({@code -Drdz.faults.multi=true}), not in the
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
            Fault.NOTIFIER_KILL);

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
    }
}
