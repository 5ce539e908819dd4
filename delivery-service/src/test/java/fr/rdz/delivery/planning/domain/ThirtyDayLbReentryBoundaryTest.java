package fr.rdz.delivery.planning.domain;

import static fr.rdz.delivery.planning.domain.PlanningMother.MONDAY;
import static fr.rdz.delivery.planning.domain.PlanningMother.commande;
import static fr.rdz.delivery.planning.domain.PlanningMother.deliveredAt;
import static fr.rdz.delivery.planning.domain.PlanningMother.lead;
import static fr.rdz.delivery.planning.domain.PlanningMother.only;
import static fr.rdz.delivery.planning.domain.PlanningMother.plan;
import static fr.rdz.delivery.planning.domain.PlanningMother.runAt;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Planner scenario: thirty day lb reentry boundary. */
class ThirtyDayLbReentryBoundaryTest {

    @Test
    void aLeadDeliveredExactlyThirtyDaysAgoIsNotYetBackOneSecondMoreIsLb() {
        Instant thirtyDays = RunReference.daysBefore(runAt(MONDAY), 30);
        Instant received = thirtyDays.minus(Duration.ofDays(1));
        PoolLead blocked = deliveredAt(lead("thirty", "0611111111", received), thirtyDays);
        PoolLead back = deliveredAt(lead("thirty-1s", "0622222222", received), thirtyDays.minusSeconds(1));
        PoolLead recent = deliveredAt(
                lead("recent", "0633333333", runAt(MONDAY).minus(Duration.ofDays(3))),
                runAt(MONDAY).minus(Duration.ofDays(1)));
        LeadAge age = new LeadAge(runAt(MONDAY));

        assertThat(age.classify(blocked)).isEmpty();
        assertThat(age.classify(back)).contains(LeadAge.Kind.LB);
        assertThat(age.classify(recent)).isEmpty();
        PlannedBatch batch = only(plan(
                MONDAY,
                List.of(blocked, back, recent),
                List.of(commande("c1").dailyTarget(5).lb(100).build()),
                List.of()));
        assertThat(batch.leadIds()).containsExactly("thirty-1s");
        assertThat(batch.lb()).isEqualTo(1);
    }

    @Test
    void aDeliveryAfterTheRunInstantBlocksACatchUpRun() {
        PoolLead later = deliveredAt(
                lead("later", "0611111111", runAt(MONDAY).minus(Duration.ofDays(1))), runAt(MONDAY.plusDays(1)));
        assertThat(new LeadAge(runAt(MONDAY)).classify(later)).isEmpty();
    }
}
