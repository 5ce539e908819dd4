package fr.rdz.delivery.planning.domain;

import static fr.rdz.delivery.planning.domain.PlanningMother.commande;
import static fr.rdz.delivery.planning.domain.PlanningMother.delivery;
import static fr.rdz.delivery.planning.domain.PlanningMother.lead;
import static fr.rdz.delivery.planning.domain.PlanningMother.plan;
import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.rules.BoundaryCases;
import fr.rdz.rules.ParisCalendar;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared boundary cases of business-rules, answered by the planner itself: routing-service's
 * duplicate rule and commande validity answer the same cases (its DuplicateRuleTest and
 * RoutingDecisionTest).
 */
class SharedBoundaryCasesTest {

    static List<BoundaryCases.DuplicateCase> duplicates() {
        return BoundaryCases.duplicateCases();
    }

    static List<BoundaryCases.FreshCase> fresh() {
        return BoundaryCases.freshCases();
    }

    static List<BoundaryCases.InForceCase> inForce() {
        return BoundaryCases.inForceCases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("duplicates")
    void aDeliveryToTheClientBarsThePhoneExactlyWhenTheSharedWindowSaysSo(BoundaryCases.DuplicateCase c) {
        LocalDate day = ParisCalendar.dateOf(c.reference());
        PoolLead candidate = lead("l", "0611111111", c.reference().minusSeconds(3600));

        List<PlannedBatch> batches = plan(
                day,
                List.of(candidate),
                List.of(commande("c1").quota(7).build()),
                List.of(delivery("0611111111", "cl-1", "old", c.deliveredAt())));

        assertThat(batches.get(0).leadIds().isEmpty()).isEqualTo(c.duplicate());
        assertThat(batches.get(0).duplicatesReplaced()).isEqualTo(c.duplicate() ? 1 : 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fresh")
    void aNeverDeliveredLeadIsFreshExactlyWhenTheSharedWindowSaysSo(BoundaryCases.FreshCase c) {
        LeadAge age = new LeadAge(c.reference());
        assertThat(age.classify(lead("l", "0611111111", c.receivedAt())))
                .contains(c.fresh() ? LeadAge.Kind.FRESH : LeadAge.Kind.LB);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inForce")
    void aCommandeIsServedExactlyWhenTheSharedValiditySaysSo(BoundaryCases.InForceCase c) {
        List<PlannedBatch> batches = plan(
                c.day(),
                List.of(),
                List.of(commande("c1").validity(c.startsOn(), c.endsOn()).build()),
                List.of());
        assertThat(batches).hasSize(c.inForce() ? 1 : 0);
    }
}
