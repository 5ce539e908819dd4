package fr.rdz.delivery.planning.domain;

import static fr.rdz.delivery.planning.domain.PlanningMother.commande;
import static fr.rdz.delivery.planning.domain.PlanningMother.deliveries;
import static fr.rdz.delivery.planning.domain.PlanningMother.freshLeads;
import static fr.rdz.delivery.planning.domain.PlanningMother.lead;
import static fr.rdz.delivery.planning.domain.PlanningMother.only;
import static fr.rdz.delivery.planning.domain.PlanningMother.plan;
import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.events.CommandeSnapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Planner scenario: dst week. */
class DstWeekTest {

    /** Summer time starts on Sunday 29 March 2026: the run stays at 09:30 Paris and windows are calendar days. */
    @Test
    void theRunIsAtNineThirtyParisAndTheFreshWindowIsEightCalendarDaysAcrossTheChange() {
        LocalDate mondayAfter = LocalDate.of(2026, 3, 30);
        assertThat(RunReference.of(LocalDate.of(2026, 3, 27))).isEqualTo(Instant.parse("2026-03-27T08:30:00Z"));
        assertThat(RunReference.of(mondayAfter)).isEqualTo(Instant.parse("2026-03-30T07:30:00Z"));

        // Sunday 22 March 09:00 CET: 8 days and 30 minutes before the run (but within 8 × 24 h)
        PoolLead before = lead("before", "0611111111", Instant.parse("2026-03-22T08:00:00Z"));
        // Sunday 22 March 09:30 CET: exactly 8 calendar days before
        PoolLead boundary = lead("boundary", "0622222222", Instant.parse("2026-03-22T08:30:00Z"));
        LeadAge age = new LeadAge(RunReference.of(mondayAfter));
        assertThat(age.classify(before)).contains(LeadAge.Kind.LB);
        assertThat(age.classify(boundary)).contains(LeadAge.Kind.FRESH);
    }

    @Test
    void pacingOverTheWeekOfTheChangeCountsItsSevenDays() {
        LocalDate monday = LocalDate.of(2026, 3, 23);
        CommandeSnapshot c = commande("c1").quota(14).build();
        List<Delivery> ledger = new ArrayList<>();
        for (int d = 0; d < 6; d++) {
            ledger.addAll(deliveries(2, "cl-1", "c1", monday.plusDays(d)));
        }
        PlannedBatch sunday = only(plan(monday.plusDays(6), freshLeads(5, monday.plusDays(6)), List.of(c), ledger));
        assertThat(sunday.target()).isEqualTo(2);
        assertThat(sunday.leads()).hasSize(2);
    }
}
