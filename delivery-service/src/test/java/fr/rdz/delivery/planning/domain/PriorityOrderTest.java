package fr.rdz.delivery.planning.domain;

import static fr.rdz.delivery.planning.domain.PlanningMother.MONDAY;
import static fr.rdz.delivery.planning.domain.PlanningMother.commande;
import static fr.rdz.delivery.planning.domain.PlanningMother.freshLeads;
import static fr.rdz.delivery.planning.domain.PlanningMother.plan;
import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.events.CommandeSnapshot;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Planner scenario: priority order. */
class PriorityOrderTest {

    @Test
    void theLowerPriorityIsServedFirstWhenLeadsAreFew() {
        CommandeSnapshot second = commande("second")
                .client("cl-2")
                .priority(2)
                .dailyTarget(2)
                .created(Instant.parse("2025-01-01T00:00:00Z"))
                .build();
        CommandeSnapshot first =
                commande("first").client("cl-1").priority(1).dailyTarget(2).build();

        List<PlannedBatch> batches = plan(MONDAY, freshLeads(3, MONDAY), List.of(second, first), List.of());

        assertThat(batches).extracting(PlannedBatch::commandeId).containsExactly("first", "second");
        assertThat(batches.get(0).leadIds()).containsExactly("f0", "f1");
        assertThat(batches.get(1).leadIds()).containsExactly("f2");
        assertThat(batches.get(1).isShort()).isTrue();
    }

    @Test
    void equalPrioritiesAreServedByCreationTime() {
        CommandeSnapshot newer = commande("newer")
                .client("cl-2")
                .dailyTarget(1)
                .created(Instant.parse("2026-06-01T00:00:00Z"))
                .build();
        CommandeSnapshot older = commande("older")
                .client("cl-1")
                .dailyTarget(1)
                .created(Instant.parse("2026-02-01T00:00:00Z"))
                .build();
        List<PlannedBatch> batches = plan(MONDAY, freshLeads(1, MONDAY), List.of(newer, older), List.of());
        assertThat(batches.get(0).commandeId()).isEqualTo("older");
        assertThat(batches.get(0).leadIds()).containsExactly("f0");
        assertThat(batches.get(1).leads()).isEmpty();
    }

    @Test
    void aLeadGoesToAtMostOneClientPerRun() {
        List<PlannedBatch> batches = plan(
                MONDAY,
                freshLeads(4, MONDAY),
                List.of(
                        commande("a").client("cl-1").dailyTarget(2).build(),
                        commande("b").client("cl-2").dailyTarget(2).build()),
                List.of());
        assertThat(batches.get(0).leadIds())
                .doesNotContainAnyElementsOf(batches.get(1).leadIds());
        assertThat(batches.get(1).leadIds()).hasSize(2);
    }
}
