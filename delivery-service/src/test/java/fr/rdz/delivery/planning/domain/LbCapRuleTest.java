package fr.rdz.delivery.planning.domain;

import static fr.rdz.delivery.planning.domain.PlanningMother.MONDAY;
import static fr.rdz.delivery.planning.domain.PlanningMother.commande;
import static fr.rdz.delivery.planning.domain.PlanningMother.lead;
import static fr.rdz.delivery.planning.domain.PlanningMother.only;
import static fr.rdz.delivery.planning.domain.PlanningMother.plan;
import static fr.rdz.delivery.planning.domain.PlanningMother.runAt;
import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.events.CommandeSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Planner scenario: lb cap rule. */
class LbCapRuleTest {

    @Test
    void takesAtMostTheLbShareOfTheTarget() {
        List<PoolLead> pool = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pool.add(lead(
                    "lb" + i, String.format("06100000%02d", i), runAt(MONDAY).minus(Duration.ofDays(9 + i))));
        }
        CommandeSnapshot c = commande("c1").dailyTarget(10).lb(25).build(); // floor(10 × 25 / 100) = 2

        PlannedBatch batch = only(plan(MONDAY, pool, List.of(c), List.of()));

        assertThat(batch.lb()).isEqualTo(2);
        assertThat(batch.leadIds()).containsExactly("lb9", "lb8");
        assertThat(batch.isShort()).isTrue();
    }

    @Test
    void capIsFloored() {
        assertThat(LbCap.of(3, 50)).isEqualTo(1);
        assertThat(LbCap.of(1, 99)).isZero();
        assertThat(LbCap.of(10, 100)).isEqualTo(10);
    }
}
