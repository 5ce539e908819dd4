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
import java.util.List;
import org.junit.jupiter.api.Test;

/** Planner scenario: departement rule. */
class DepartementRuleTest {

    private final List<PoolLead> pool = List.of(
            lead("paris", Entity.ZR7, "75", "0611111111", runAt(MONDAY).minus(Duration.ofHours(3))),
            lead("corse", Entity.ZR7, "2A", "0622222222", runAt(MONDAY).minus(Duration.ofHours(5))),
            lead("lyon", Entity.ZR7, "69", "0633333333", runAt(MONDAY).minus(Duration.ofHours(4))));

    @Test
    void starMeansEveryDepartementOldestFirst() {
        PlannedBatch batch = only(plan(
                MONDAY,
                pool,
                List.of(commande("c1").departements("*").dailyTarget(5).build()),
                List.of()));
        assertThat(batch.leadIds()).containsExactly("corse", "lyon", "paris");
    }

    @Test
    void listedDepartementsOnly() {
        PlannedBatch batch = only(plan(
                MONDAY,
                pool,
                List.of(commande("c1").departements("75", "2A").dailyTarget(5).build()),
                List.of()));
        assertThat(batch.leadIds()).containsExactly("corse", "paris");
    }
}
