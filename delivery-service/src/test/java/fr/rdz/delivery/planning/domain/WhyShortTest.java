package fr.rdz.delivery.planning.domain;

import static fr.rdz.delivery.planning.domain.PlanningMother.MONDAY;
import static fr.rdz.delivery.planning.domain.PlanningMother.commande;
import static fr.rdz.delivery.planning.domain.PlanningMother.delivery;
import static fr.rdz.delivery.planning.domain.PlanningMother.freshLeads;
import static fr.rdz.delivery.planning.domain.PlanningMother.lead;
import static fr.rdz.delivery.planning.domain.PlanningMother.only;
import static fr.rdz.delivery.planning.domain.PlanningMother.plan;
import static fr.rdz.delivery.planning.domain.PlanningMother.rejectedBy;
import static fr.rdz.delivery.planning.domain.PlanningMother.runAt;
import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.events.CommandeSnapshot;
import fr.rdz.events.Entity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Planner scenario: a short batch records why the planner stopped (issue 12, the console's "why short"). */
class WhyShortTest {

    @Test
    void aBatchThatIsNotShortHasNoReason() {
        CommandeSnapshot c = commande("c1").dailyTarget(3).build();

        PlannedBatch batch = only(plan(MONDAY, freshLeads(5, MONDAY), List.of(c), List.of()));

        assertThat(batch.isShort()).isFalse();
        assertThat(batch.shortReasons()).isEmpty();
    }

    @Test
    void anEmptyPoolForTheDepartementsIsPoolExhausted() {
        CommandeSnapshot c =
                commande("c1").departements("13", "84").dailyTarget(5).build();

        PlannedBatch batch = only(plan(MONDAY, freshLeads(2, MONDAY), List.of(c), List.of())); // all in 75

        assertThat(batch.shortReasons())
                .containsExactly(ShortReason.of(
                        ShortReason.Code.POOL_EXHAUSTED,
                        "product",
                        "PV",
                        "departements",
                        List.of("13", "84"),
                        "available",
                        0,
                        "missing",
                        5,
                        "cross_entity_allowed",
                        false));
        assertThat(batch.shortReasons().get(0).message())
                .isEqualTo("Pas assez de leads éligibles dans le stock pour le produit PV et les départements 13, 84 :"
                        + " 0 trouvé(s), 5 manquant(s) (l'autre entité n'est pas autorisée pour cette commande).");
    }

    @Test
    void theLbCapStoppingTheBatchWithLbLeftIsSaidRatherThanPoolExhausted() {
        List<PoolLead> pool = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pool.add(lead(
                    "lb" + i, String.format("06100000%02d", i), runAt(MONDAY).minus(Duration.ofDays(9 + i))));
        }
        CommandeSnapshot c = commande("c1").dailyTarget(10).lb(25).build();

        PlannedBatch batch = only(plan(MONDAY, pool, List.of(c), List.of()));

        assertThat(batch.shortReasons()).extracting(ShortReason::code).containsExactly(ShortReason.Code.LB_CAP_REACHED);
        assertThat(batch.shortReasons().get(0).params()).isEqualTo(Map.of("lb_cap", 2, "lb_max_percent", 25, "lb", 2));
        assertThat(batch.shortReasons().get(0).message())
                .isEqualTo("Plafond LB atteint : 2 lead(s) LB au plus (25 % de l'objectif), d'autres leads LB"
                        + " étaient disponibles.");
    }

    @Test
    void anLbCapWithOnlyDuplicateLbLeftIsPoolExhaustedWithTheDuplicatesCounted() {
        PoolLead lbDuplicate = lead("lb0", "0610000000", runAt(MONDAY).minus(Duration.ofDays(12)));
        CommandeSnapshot c = commande("c1").dailyTarget(4).lb(0).build();
        List<Delivery> ledger =
                List.of(delivery("0610000000", "cl-1", "c-old", runAt(MONDAY).minus(Duration.ofDays(3))));

        PlannedBatch batch = only(plan(MONDAY, List.of(lbDuplicate), List.of(c), ledger));

        assertThat(batch.shortReasons()).extracting(ShortReason::code).containsExactly(ShortReason.Code.POOL_EXHAUSTED);
    }

    @Test
    void duplicatesAndRejectionsSkippedOnTheWayAreCounted() {
        List<PoolLead> pool = new ArrayList<>(freshLeads(3, MONDAY));
        pool.add(lead("same-phone", "0600000000", runAt(MONDAY).minus(Duration.ofHours(1)))); // phone of f0
        pool.set(1, rejectedBy(pool.get(1), "cl-1"));
        CommandeSnapshot c = commande("c1").dailyTarget(5).build();

        PlannedBatch batch = only(plan(MONDAY, pool, List.of(c), List.of()));

        assertThat(batch.leadIds()).containsExactly("f0", "f2");
        assertThat(batch.shortReasons())
                .extracting(ShortReason::code)
                .containsExactly(
                        ShortReason.Code.POOL_EXHAUSTED,
                        ShortReason.Code.DUPLICATES,
                        ShortReason.Code.REJECTED_BY_CLIENT);
        assertThat(batch.shortReasons().get(1).params()).isEqualTo(Map.of("skipped", 1));
        assertThat(batch.shortReasons().get(2).message())
                .isEqualTo("1 lead(s) écarté(s) car déjà refusé(s) par ce client.");
    }

    @Test
    void leadsReceivedAfterTheCutOffAreCountedForTheShortBatchesTheyMatch() {
        CommandeSnapshot c = commande("c1").dailyTarget(5).build();
        CommandeSnapshot other =
                commande("c2").client("cl-2").departements("13").dailyTarget(1).build();
        List<PoolLead> late = List.of(
                lead("late-1", "0611111111", runAt(MONDAY).plus(Duration.ofHours(1))),
                lead("late-2", Entity.ZR7, "69", "0611111112", runAt(MONDAY).plus(Duration.ofHours(2))));
        List<PlannedBatch> planned = plan(MONDAY, freshLeads(2, MONDAY), List.of(c, other), List.of());

        List<PlannedBatch> explained =
                ReceivedAfterCutOff.explain(planned, List.of(c, other), Entity.ZR7, late, runAt(MONDAY));

        PlannedBatch batch = explained.stream()
                .filter(b -> b.commandeId().equals("c1"))
                .findFirst()
                .orElseThrow();
        assertThat(batch.shortReasons()).last().satisfies(r -> {
            assertThat(r.code()).isEqualTo(ShortReason.Code.RECEIVED_AFTER_CUT_OFF);
            assertThat(r.params()).isEqualTo(Map.of("count", 1L, "cut_off", "2026-11-16T08:30:00Z"));
            assertThat(r.message())
                    .isEqualTo(
                            "1 lead(s) correspondant(s) reçu(s) après l'heure de coupure du passage (16/11/2026 09:30) :"
                                    + " ils partiront au prochain passage.");
        });
        PlannedBatch c2 = explained.stream()
                .filter(b -> b.commandeId().equals("c2"))
                .findFirst()
                .orElseThrow();
        assertThat(c2.shortReasons()).extracting(ShortReason::code).containsExactly(ShortReason.Code.POOL_EXHAUSTED);
    }
}
