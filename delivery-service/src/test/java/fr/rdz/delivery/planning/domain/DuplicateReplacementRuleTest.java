package fr.rdz.delivery.planning.domain;

import static fr.rdz.delivery.planning.domain.PlanningMother.MONDAY;
import static fr.rdz.delivery.planning.domain.PlanningMother.commande;
import static fr.rdz.delivery.planning.domain.PlanningMother.delivery;
import static fr.rdz.delivery.planning.domain.PlanningMother.freshLeads;
import static fr.rdz.delivery.planning.domain.PlanningMother.lead;
import static fr.rdz.delivery.planning.domain.PlanningMother.only;
import static fr.rdz.delivery.planning.domain.PlanningMother.plan;
import static fr.rdz.delivery.planning.domain.PlanningMother.runAt;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Planner scenario: duplicate replacement rule. */
class DuplicateReplacementRuleTest {

    @Test
    void skipsDuplicatesAndReplacesThemWithTheNextEligibleLeads() {
        List<PoolLead> pool = freshLeads(5, MONDAY);
        List<Delivery> ledger = List.of(
                delivery(pool.get(0).phone(), "cl-1", "old", runAt(MONDAY.minusDays(3))),
                delivery(pool.get(1).phone(), "cl-1", "old", runAt(MONDAY.minusDays(10))));

        PlannedBatch batch =
                only(plan(MONDAY, pool, List.of(commande("c1").dailyTarget(2).build()), ledger));

        assertThat(batch.leadIds()).containsExactly("f2", "f3");
        assertThat(batch.duplicatesReplaced()).isEqualTo(2);
        assertThat(batch.isShort()).isFalse();
    }

    @Test
    void leavesAGapOnlyWhenNoEligibleLeadRemains() {
        List<PoolLead> pool = freshLeads(2, MONDAY);
        List<Delivery> ledger = List.of(delivery(pool.get(0).phone(), "cl-1", "old", runAt(MONDAY.minusDays(3))));
        PlannedBatch batch =
                only(plan(MONDAY, pool, List.of(commande("c1").dailyTarget(2).build()), ledger));
        assertThat(batch.leadIds()).containsExactly("f1");
        assertThat(batch.isShort()).isTrue();
    }

    @Test
    void aRejectedLeadIsNeverResoldToThatClient() {
        PoolLead rejected =
                PlanningMother.rejectedBy(lead("r", "0611111111", runAt(MONDAY).minus(Duration.ofDays(40))), "cl-1");
        PlannedBatch batch = only(plan(
                MONDAY,
                List.of(rejected),
                List.of(commande("c1").dailyTarget(1).lb(100).build()),
                List.of()));
        assertThat(batch.leads()).isEmpty();
    }
}
