package fr.rdz.delivery.planning.domain;

import static fr.rdz.delivery.planning.domain.PlanningMother.MONDAY;
import static fr.rdz.delivery.planning.domain.PlanningMother.WEEKDAYS;
import static fr.rdz.delivery.planning.domain.PlanningMother.commande;
import static fr.rdz.delivery.planning.domain.PlanningMother.deliveries;
import static fr.rdz.delivery.planning.domain.PlanningMother.freshLeads;
import static fr.rdz.delivery.planning.domain.PlanningMother.only;
import static fr.rdz.delivery.planning.domain.PlanningMother.plan;
import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.events.CommandeSnapshot;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Planner scenario: weekly quota pacing rule. */
class WeeklyQuotaPacingRuleTest {

    @Test
    void spreadsTheQuotaOverTheRemainingDeliveryDaysOfTheWeek() {
        CommandeSnapshot c = commande("c1").quota(10).days(WEEKDAYS).build();
        List<PoolLead> pool = freshLeads(20, MONDAY.plusDays(2));

        assertThat(only(plan(MONDAY, pool, List.of(c), List.of())).target()).isEqualTo(2); // 10 / 5
        List<Delivery> ledger = new ArrayList<>(deliveries(2, "cl-1", "c1", MONDAY));
        assertThat(only(plan(MONDAY.plusDays(1), pool, List.of(c), ledger)).target())
                .isEqualTo(2); // 8 / 4
        ledger.addAll(deliveries(1, "cl-1", "c1", MONDAY.plusDays(1)));
        PlannedBatch wednesday = only(plan(MONDAY.plusDays(2), pool, List.of(c), ledger));
        assertThat(wednesday.target()).isEqualTo(3); // ceil(7 / 3)
        assertThat(wednesday.leads()).hasSize(3);
        assertThat(wednesday.isShort()).isFalse();
    }

    @Test
    void lastWeeksDeliveriesDoNotCountAgainstThisWeek() {
        CommandeSnapshot c = commande("c1").quota(10).days(WEEKDAYS).build();
        List<Delivery> lastFriday = deliveries(9, "cl-1", "c1", MONDAY.minusDays(3));
        assertThat(only(plan(MONDAY, freshLeads(5, MONDAY), List.of(c), lastFriday))
                        .target())
                .isEqualTo(2);
    }

    @Test
    void aCommandeWhoseQuotaIsReachedMidWeekGetsNothingMore() {
        CommandeSnapshot c = commande("c1").quota(4).days(WEEKDAYS).build();
        List<Delivery> ledger = new ArrayList<>(deliveries(2, "cl-1", "c1", MONDAY));
        ledger.addAll(deliveries(2, "cl-1", "c1", MONDAY.plusDays(1)));

        PlannedBatch wednesday = only(plan(MONDAY.plusDays(2), freshLeads(10, MONDAY.plusDays(2)), List.of(c), ledger));

        assertThat(wednesday.target()).isZero();
        assertThat(wednesday.leads()).isEmpty();
        assertThat(wednesday.isShort()).isFalse();
    }

    @Test
    void theRemainingDaysStopAtTheEndOfValidity() {
        CommandeSnapshot c = commande("c1")
                .quota(10)
                .days(WEEKDAYS)
                .validity(MONDAY, MONDAY.plusDays(1))
                .build();
        assertThat(only(plan(MONDAY, freshLeads(10, MONDAY), List.of(c), List.of()))
                        .target())
                .isEqualTo(5);
    }
}
