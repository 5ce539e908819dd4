package fr.rdz.delivery.planning.domain;

import static fr.rdz.delivery.planning.domain.PlanningMother.MONDAY;
import static fr.rdz.delivery.planning.domain.PlanningMother.commande;
import static fr.rdz.delivery.planning.domain.PlanningMother.lead;
import static fr.rdz.delivery.planning.domain.PlanningMother.plan;
import static fr.rdz.delivery.planning.domain.PlanningMother.runAt;
import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.events.Entity;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Planner rule: a lead goes only to the clients its consent covers (spec §11), cross-entity included. */
class ConsentCoverageRuleTest {

    static PoolLead coveredFor(PoolLead lead, String... clientIds) {
        return new PoolLead(
                lead.leadId(),
                lead.entity(),
                lead.product(),
                lead.departement(),
                lead.phone(),
                lead.receivedAt(),
                lead.deliveredAt(),
                lead.rejectedBy(),
                Set.of(clientIds));
    }

    @Test
    void aClientTheConsentDoesNotNameNeverGetsTheLeadEvenWhenServedFirst() {
        PoolLead onlyForA = coveredFor(
                lead("l1", Entity.ZR7, "75", "0611111111", runAt(MONDAY).minus(Duration.ofHours(2))), "A");
        List<PlannedBatch> batches = plan(
                MONDAY,
                List.of(onlyForA),
                List.of(
                        commande("cB").client("B").priority(1).dailyTarget(5).build(),
                        commande("cA").client("A").priority(2).dailyTarget(5).build()),
                List.of());
        assertThat(batches)
                .filteredOn(b -> b.commandeId().equals("cB"))
                .singleElement()
                .satisfies(b -> assertThat(b.leadIds()).isEmpty());
        assertThat(batches)
                .filteredOn(b -> b.commandeId().equals("cA"))
                .singleElement()
                .satisfies(b -> assertThat(b.leadIds()).containsExactly("l1"));
    }

    @Test
    void theCrossEntityFallbackObeysTheSameRuleAndLegacyLeadsStayUnrestricted() {
        PoolLead mdlOnlyForA = coveredFor(
                lead("m1", Entity.MDL, "75", "0622222222", runAt(MONDAY).minus(Duration.ofHours(1))), "A");
        PoolLead mdlLegacy =
                lead("m2", Entity.MDL, "75", "0633333333", runAt(MONDAY).minus(Duration.ofHours(1)));
        List<PlannedBatch> batches = plan(
                MONDAY,
                List.of(mdlOnlyForA, mdlLegacy),
                List.of(commande("cB").client("B").dailyTarget(5).crossEntity().build()),
                List.of());
        assertThat(batches.get(0).leadIds()).containsExactly("m2");
    }
}
