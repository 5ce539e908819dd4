package fr.rdz.delivery.planning.domain;

import static fr.rdz.delivery.planning.domain.PlanningMother.MONDAY;
import static fr.rdz.delivery.planning.domain.PlanningMother.commande;
import static fr.rdz.delivery.planning.domain.PlanningMother.lead;
import static fr.rdz.delivery.planning.domain.PlanningMother.only;
import static fr.rdz.delivery.planning.domain.PlanningMother.plan;
import static fr.rdz.delivery.planning.domain.PlanningMother.runAt;
import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.events.CommandeSnapshot;
import fr.rdz.events.LeadKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Planner scenario: fresh before lb rule. */
class FreshBeforeLbRuleTest {

    @Test
    void fillsWithFreshOldestFirstBeforeAnyLb() {
        PoolLead lb = lead("lb", "0611111111", runAt(MONDAY).minus(Duration.ofDays(20)));
        PoolLead newer = lead("fresh-new", "0622222222", runAt(MONDAY).minus(Duration.ofHours(1)));
        PoolLead older = lead("fresh-old", "0633333333", runAt(MONDAY).minus(Duration.ofDays(2)));
        CommandeSnapshot c = commande("c1").dailyTarget(2).lb(100).build();

        PlannedBatch batch = only(plan(MONDAY, List.of(lb, newer, older), List.of(c), List.of()));

        assertThat(batch.leadIds()).containsExactly("fresh-old", "fresh-new");
        assertThat(batch.fresh()).isEqualTo(2);
        assertThat(batch.lb()).isZero();
    }

    @Test
    void completesWithLbOldestFirstWhenFreshRunsOut() {
        PoolLead fresh = lead("fresh", "0622222222", runAt(MONDAY).minus(Duration.ofHours(1)));
        PoolLead lbNew = lead("lb-new", "0611111111", runAt(MONDAY).minus(Duration.ofDays(10)));
        PoolLead lbOld = lead("lb-old", "0644444444", runAt(MONDAY).minus(Duration.ofDays(40)));
        CommandeSnapshot c = commande("c1").dailyTarget(2).lb(100).build();

        PlannedBatch batch = only(plan(MONDAY, List.of(lbNew, fresh, lbOld), List.of(c), List.of()));

        assertThat(batch.leadIds()).containsExactly("fresh", "lb-old");
        assertThat(batch.leads().get(1).kind()).isEqualTo(LeadKind.LB);
    }

    @Test
    void aCommandeWithoutLbShareTakesNoLb() {
        PoolLead lb = lead("lb", "0611111111", runAt(MONDAY).minus(Duration.ofDays(20)));
        PlannedBatch batch = only(
                plan(MONDAY, List.of(lb), List.of(commande("c1").dailyTarget(1).build()), List.of()));
        assertThat(batch.leads()).isEmpty();
        assertThat(batch.isShort()).isTrue();
    }
}
