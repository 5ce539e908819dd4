package fr.rdz.delivery.planning.domain;

import static fr.rdz.delivery.planning.domain.PlanningMother.MONDAY;
import static fr.rdz.delivery.planning.domain.PlanningMother.commande;
import static fr.rdz.delivery.planning.domain.PlanningMother.lead;
import static fr.rdz.delivery.planning.domain.PlanningMother.only;
import static fr.rdz.delivery.planning.domain.PlanningMother.plan;
import static fr.rdz.delivery.planning.domain.PlanningMother.runAt;
import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.events.Entity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Planner scenario: cross entity fallback. */
class CrossEntityFallbackTest {

    private final List<PoolLead> pool = List.of(
            lead("zr7", Entity.ZR7, "75", "0611111111", runAt(MONDAY).minus(Duration.ofHours(2))),
            lead("mdl-lb", Entity.MDL, "75", "0622222222", runAt(MONDAY).minus(Duration.ofDays(12))),
            lead("mdl-fresh", Entity.MDL, "75", "0633333333", runAt(MONDAY).minus(Duration.ofHours(1))));

    @Test
    void withoutOptInTheOtherEntitysLeadsAreNeverTaken() {
        PlannedBatch batch = only(
                plan(MONDAY, pool, List.of(commande("c1").dailyTarget(3).lb(100).build()), List.of()));
        assertThat(batch.leadIds()).containsExactly("zr7");
        assertThat(batch.crossEntity()).isZero();
    }

    @Test
    void withOptInTheBatchIsCompletedWithTheOtherEntitysFreshFirstAndRecordedAsCrossEntity() {
        PlannedBatch batch = only(plan(
                MONDAY,
                pool,
                List.of(commande("c1").dailyTarget(3).lb(100).crossEntity().build()),
                List.of()));
        assertThat(batch.leadIds()).containsExactly("zr7", "mdl-fresh", "mdl-lb");
        assertThat(batch.crossEntity()).isEqualTo(2);
        assertThat(batch.leads().get(0).crossEntity()).isFalse();
        assertThat(batch.leads().get(1).crossEntity()).isTrue();
    }

    @Test
    void ownEntityLbComesBeforeTheOtherEntitysFresh() {
        List<PoolLead> withOwnLb = new ArrayList<>(pool);
        withOwnLb.add(
                lead("zr7-lb", Entity.ZR7, "75", "0644444444", runAt(MONDAY).minus(Duration.ofDays(15))));
        PlannedBatch batch = only(plan(
                MONDAY,
                withOwnLb,
                List.of(commande("c1").dailyTarget(2).lb(50).crossEntity().build()),
                List.of()));
        assertThat(batch.leadIds()).containsExactly("zr7", "zr7-lb");
    }
}
