package fr.rdz.routing.lead.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.events.BatchSummary;
import fr.rdz.events.Entity;
import fr.rdz.events.Product;
import fr.rdz.rules.BoundaryCases;
import fr.rdz.rules.ParisCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WhyNotDeliveredTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-02T10:00:00Z");

    private static WhyNotDelivered.Facts facts(
            String status,
            String routingState,
            boolean erased,
            List<Exclusion> exclusions,
            List<WhyNotDelivered.Run> runs) {
        return facts(status, routingState, erased, exclusions, runs, RECEIVED);
    }

    private static WhyNotDelivered.Facts facts(
            String status,
            String routingState,
            boolean erased,
            List<Exclusion> exclusions,
            List<WhyNotDelivered.Run> runs,
            Instant received) {
        return new WhyNotDelivered.Facts(
                status,
                "pending",
                routingState,
                null,
                List.of(),
                null,
                erased,
                false,
                null,
                Entity.ZR7,
                Product.PV,
                "75",
                "PV-001",
                received,
                List.of("cmd-1"),
                exclusions,
                runs,
                Map.of("c-1", "Solaire Nord"),
                Map.of("cmd-1", 20));
    }

    private static WhyNotDelivered.Run run(LocalDate day, BatchSummary batch) {
        return new WhyNotDelivered.Run(
                "run-" + day, day, day.atTime(8, 30).toInstant(java.time.ZoneOffset.UTC), List.of(batch));
    }

    @Test
    void erasedComesFirst() {
        assertThat(WhyNotDelivered.explain(facts("fresh", "fresh", true, List.of(), List.of()))
                        .code())
                .isEqualTo("erased");
    }

    @Test
    void noConsentFromTheRoutingDecision() {
        WhyNotDelivered why = WhyNotDelivered.explain(facts("no_consent", "no_consent", false, List.of(), List.of()));
        assertThat(why.code()).isEqualTo("no_consent");
        assertThat(why.message()).contains("consentement");
    }

    @Test
    void anEarlierRejectionIsNamed() {
        WhyNotDelivered why = WhyNotDelivered.explain(facts(
                "no_order",
                "no_order",
                false,
                List.of(new Exclusion("cmd-1", "c-1", Exclusion.REJECTED, null)),
                List.of()));
        assertThat(why.code()).isEqualTo("client_rejected_before");
        assertThat(why.message()).contains("Solaire Nord");
    }

    @Test
    void aClientTheConsentTextDoesNotNameIsHorsConsentementNotNoConsent() {
        WhyNotDelivered why = WhyNotDelivered.explain(new WhyNotDelivered.Facts(
                "no_order",
                "pending",
                "no_order",
                "not_covered_by_consent",
                List.of(),
                null,
                false,
                false,
                null,
                Entity.ZR7,
                Product.PV,
                "75",
                "PV-001",
                RECEIVED,
                List.of(),
                List.of(new Exclusion("cmd-1", "c-1", Exclusion.NOT_COVERED_BY_CONSENT, null)),
                List.of(),
                Map.of("c-1", "Solaire Nord"),
                Map.of()));
        assertThat(why.code()).isEqualTo("not_covered_by_consent");
        assertThat(why.message()).startsWith("Hors consentement").contains("Solaire Nord");
    }

    @Test
    void anOldLeadLeftOutOfAShortBatchWhoseLbShareIsUsedHitTheLbCap() {
        // target 10, 20 % LB: at most 2 LB leads; the batch already had 2 and stayed short
        WhyNotDelivered why = WhyNotDelivered.explain(facts(
                "fresh",
                "fresh",
                false,
                List.of(),
                List.of(run(
                        LocalDate.parse("2026-11-20"),
                        new BatchSummary("b", "cmd-1", "c-1", Product.PV, 10, 3, 2, 0, 0, true)))));
        assertThat(why.code()).isEqualTo("lb_cap");
        assertThat(why.params()).containsEntry("lb", 2).containsEntry("lb_max", 2);
    }

    static List<BoundaryCases.FreshCase> freshCases() {
        return BoundaryCases.freshCases();
    }

    /**
     * The shared Fresh window: a lead left out of a short batch whose LB share is used is explained as LB (the LB
     * cap) exactly when delivery's planner took it for LB at that run (its reference, D 09:30 Paris), else as a Fresh
     * lead not selected.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("freshCases")
    void aLeadIsLbAtARunExactlyWhenTheSharedFreshWindowSaysSo(BoundaryCases.FreshCase c) {
        LocalDate runDate = ParisCalendar.dateOf(c.reference());
        assertThat(ParisCalendar.runReference(runDate)).isEqualTo(c.reference());
        WhyNotDelivered why = WhyNotDelivered.explain(facts(
                "fresh",
                "fresh",
                false,
                List.of(),
                List.of(run(runDate, new BatchSummary("b", "cmd-1", "c-1", Product.PV, 10, 3, 2, 0, 0, true))),
                c.receivedAt()));
        assertThat(why.code()).isEqualTo(c.fresh() ? "not_selected" : "lb_cap");
    }

    @Test
    void aFreshLeadLeftOutOfAShortBatchWasNotSelected() {
        WhyNotDelivered why = WhyNotDelivered.explain(facts(
                "fresh",
                "fresh",
                false,
                List.of(),
                List.of(run(
                        LocalDate.parse("2026-11-03"),
                        new BatchSummary("b", "cmd-1", "c-1", Product.PV, 10, 3, 0, 0, 0, true)))));
        assertThat(why.code()).isEqualTo("not_selected");
        assertThat(why.message()).contains("3/10");
    }

    @Test
    void aRunWithoutBatchForItsCommandes() {
        WhyNotDelivered why = WhyNotDelivered.explain(facts(
                "fresh",
                "fresh",
                false,
                List.of(),
                List.of(run(
                        LocalDate.parse("2026-11-03"),
                        new BatchSummary("b", "cmd-other", "c-2", Product.PV, 10, 3, 0, 0, 0, true)))));
        assertThat(why.code()).isEqualTo("no_batch");
    }
}
