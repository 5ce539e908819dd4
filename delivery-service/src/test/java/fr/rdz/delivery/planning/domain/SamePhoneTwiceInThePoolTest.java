package fr.rdz.delivery.planning.domain;

import static fr.rdz.delivery.planning.domain.PlanningMother.MONDAY;
import static fr.rdz.delivery.planning.domain.PlanningMother.commande;
import static fr.rdz.delivery.planning.domain.PlanningMother.lead;
import static fr.rdz.delivery.planning.domain.PlanningMother.only;
import static fr.rdz.delivery.planning.domain.PlanningMother.plan;
import static fr.rdz.delivery.planning.domain.PlanningMother.runAt;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Planner scenario: same phone twice in the pool. */
class SamePhoneTwiceInThePoolTest {

    @Test
    void oneBatchNeverHoldsTwoLeadsWithOnePhone() {
        PoolLead first = lead("first", "0611111111", runAt(MONDAY).minus(Duration.ofHours(5)));
        PoolLead again = lead("again", "0611111111", runAt(MONDAY).minus(Duration.ofHours(4)));
        PoolLead other = lead("other", "0622222222", runAt(MONDAY).minus(Duration.ofHours(3)));

        PlannedBatch batch = only(plan(
                MONDAY,
                List.of(again, other, first),
                List.of(commande("c1").dailyTarget(2).build()),
                List.of()));

        assertThat(batch.leadIds()).containsExactly("first", "other");
        assertThat(batch.duplicatesReplaced()).isEqualTo(1);
    }

    @Test
    void theSecondLeadOfAPhoneMayGoToAnotherClient() {
        PoolLead first = lead("first", "0611111111", runAt(MONDAY).minus(Duration.ofHours(5)));
        PoolLead again = lead("again", "0611111111", runAt(MONDAY).minus(Duration.ofHours(4)));
        List<PlannedBatch> batches = plan(
                MONDAY,
                List.of(first, again),
                List.of(
                        commande("c1").client("cl-1").dailyTarget(2).build(),
                        commande("c2").client("cl-2").priority(2).dailyTarget(2).build()),
                List.of());
        assertThat(batches.get(0).leadIds()).containsExactly("first");
        assertThat(batches.get(1).leadIds()).containsExactly("again");
    }
}
