package fr.rdz.delivery.planning.domain;

import static fr.rdz.delivery.planning.domain.PlanningMother.MONDAY;
import static fr.rdz.delivery.planning.domain.PlanningMother.commande;
import static fr.rdz.delivery.planning.domain.PlanningMother.delivery;
import static fr.rdz.delivery.planning.domain.PlanningMother.lead;
import static fr.rdz.delivery.planning.domain.PlanningMother.only;
import static fr.rdz.delivery.planning.domain.PlanningMother.plan;
import static fr.rdz.delivery.planning.domain.PlanningMother.runAt;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Planner scenario: duplicate rule thirty day boundary. */
class DuplicateRuleThirtyDayBoundaryTest {

    @Test
    void aPhoneDeliveredToTheClientExactlyThirtyDaysAgoIsADuplicateOneSecondMoreIsNot() {
        Instant thirtyDays = RunReference.daysBefore(runAt(MONDAY), 30);
        List<Delivery> ledger = List.of(
                delivery("0611111111", "cl-1", "old", thirtyDays),
                delivery("0622222222", "cl-1", "old", thirtyDays.minusSeconds(1)));
        PoolLead dup = lead("dup", "0611111111", runAt(MONDAY).minus(Duration.ofDays(1)));
        PoolLead ok = lead("ok", "0622222222", runAt(MONDAY).minus(Duration.ofHours(20)));

        PlannedBatch batch = only(plan(
                MONDAY, List.of(dup, ok), List.of(commande("c1").dailyTarget(5).build()), ledger));

        assertThat(batch.leadIds()).containsExactly("ok");
        assertThat(batch.duplicatesReplaced()).isEqualTo(1);
    }

    @Test
    void aPhoneDeliveredToAnotherClientIsNoDuplicate() {
        List<Delivery> ledger = List.of(delivery("0611111111", "cl-other", "old", runAt(MONDAY.minusDays(2))));
        PoolLead lead = lead("l", "0611111111", runAt(MONDAY).minus(Duration.ofDays(1)));
        PlannedBatch batch = only(plan(
                MONDAY, List.of(lead), List.of(commande("c1").dailyTarget(1).build()), ledger));
        assertThat(batch.leadIds()).containsExactly("l");
    }
}
