package fr.rdz.delivery.planning.domain;

import static fr.rdz.delivery.planning.domain.PlanningMother.MONDAY;
import static fr.rdz.delivery.planning.domain.PlanningMother.commande;
import static fr.rdz.delivery.planning.domain.PlanningMother.lead;
import static fr.rdz.delivery.planning.domain.PlanningMother.only;
import static fr.rdz.delivery.planning.domain.PlanningMother.plan;
import static fr.rdz.delivery.planning.domain.PlanningMother.runAt;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Planner scenario: eight day fresh boundary. */
class EightDayFreshBoundaryTest {

    @Test
    void aLeadReceivedExactlyEightDaysBeforeIsFreshOneSecondMoreIsLb() {
        Instant eightDays = RunReference.daysBefore(runAt(MONDAY), 8);
        PoolLead boundary = lead("eight-days", "0611111111", eightDays);
        PoolLead older = lead("eight-days-and-1s", "0622222222", eightDays.minusSeconds(1));
        LeadAge age = new LeadAge(runAt(MONDAY));

        assertThat(age.classify(boundary)).contains(LeadAge.Kind.FRESH);
        assertThat(age.classify(older)).contains(LeadAge.Kind.LB);
        PlannedBatch batch = only(plan(
                MONDAY,
                List.of(older, boundary),
                List.of(commande("c1").dailyTarget(5).build()),
                List.of()));
        assertThat(batch.leadIds()).containsExactly("eight-days");
    }

    @Test
    void aLeadReceivedAtOrAfterTheRunInstantIsNotSeen() {
        PoolLead late = lead("late", "0611111111", runAt(MONDAY));
        PlannedBatch batch = only(plan(
                MONDAY, List.of(late), List.of(commande("c1").dailyTarget(1).build()), List.of()));
        assertThat(batch.leads()).isEmpty();
    }
}
