package fr.rdz.delivery.planning.domain;

import static fr.rdz.delivery.planning.domain.PlanningMother.MONDAY;
import static fr.rdz.delivery.planning.domain.PlanningMother.commande;
import static fr.rdz.delivery.planning.domain.PlanningMother.freshLeads;
import static fr.rdz.delivery.planning.domain.PlanningMother.plan;
import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.events.ClientSnapshot;
import fr.rdz.events.CommandeSnapshot;
import fr.rdz.events.DeliveryDay;
import fr.rdz.events.Entity;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Planner scenario: commande selection rule. */
class CommandeSelectionRuleTest {

    @Test
    void inactiveDeletedOutOfValidityOrOffDayCommandesAreNotServed() {
        LocalDate tuesday = MONDAY.plusDays(1);
        List<CommandeSnapshot> commandes = List.of(
                commande("inactive").inactive().build(),
                commande("deleted").deleted().build(),
                commande("ended").validity(LocalDate.of(2026, 1, 1), MONDAY).build(),
                commande("not-started").validity(tuesday.plusDays(1), null).build(),
                commande("off-day").days(DeliveryDay.MON, DeliveryDay.WED).build(),
                commande("other-entity").entity(Entity.MDL).client("cl-mdl").build(),
                commande("served").validity(tuesday, tuesday).build());
        List<PlannedBatch> batches = plan(tuesday, freshLeads(5, tuesday), commandes, List.of());
        assertThat(batches).extracting(PlannedBatch::commandeId).containsExactly("served");
    }

    @Test
    void aCommandeOfAnInactiveClientIsNotServed() {
        CommandeSnapshot c = commande("c1").build();
        ClientSnapshot inactive = PlanningMother.inactive(PlanningMother.client("cl-1"));
        List<PlannedBatch> batches = new DailyRunPlanner()
                .plan(new RunInput(
                        Entity.ZR7, MONDAY, freshLeads(3, MONDAY), List.of(c), List.of(inactive), List.of()));
        assertThat(batches).isEmpty();
    }
}
