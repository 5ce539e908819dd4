package fr.rdz.routing.lead.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.events.ConsentProof;
import fr.rdz.events.DeliveryDay;
import fr.rdz.events.Entity;
import fr.rdz.events.EventSamples;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadStatus;
import fr.rdz.events.Product;
import fr.rdz.events.RoutingState;
import fr.rdz.routing.catalog.domain.Commande;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoutingDecisionTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-20");
    private static final LeadData LEAD = EventSamples.aLead(); // ZR7, PV, département 75

    private static Commande commande(String id, String client, Entity entity, Product product, List<String> deps) {
        return new Commande(
                id,
                entity,
                client,
                product,
                deps,
                10,
                List.of(DeliveryDay.MON),
                0,
                1,
                false,
                LocalDate.parse("2026-11-01"),
                null,
                true,
                null);
    }

    private static RoutingDecision decide(List<Commande> commandes, Set<String> duplicates, Set<String> rejecting) {
        return RoutingDecision.decide(
                LEAD,
                LeadStatus.PENDING,
                List.of(),
                new RoutingDecision.Candidates(commandes, Set.of("c1", "c2", "c3"), duplicates, rejecting),
                DAY);
    }

    @Test
    void namesTheCommandesOfTheSameEntityProductAndDepartement() {
        var decision = decide(
                List.of(
                        commande("k1", "c1", Entity.ZR7, Product.PV, List.of("75")),
                        commande("k2", "c2", Entity.ZR7, Product.PV, List.of("*")),
                        commande("k3", "c3", Entity.MDL, Product.PV, List.of("75")),
                        commande("k4", "c3", Entity.ZR7, Product.PAC, List.of("75")),
                        commande("k5", "c3", Entity.ZR7, Product.PV, List.of("92"))),
                Set.of(),
                Set.of());
        assertThat(decision.state()).isEqualTo(RoutingState.FRESH);
        assertThat(decision.eligibleCommandeIds()).containsExactly("k1", "k2");
    }

    @Test
    void aLeadWhosePersonRefusedToBeCalledIsEligibleForNoCommande() {
        LeadData refused = new LeadData(
                LEAD.leadId(),
                LEAD.receivedAt(),
                LEAD.entity(),
                LEAD.product(),
                LEAD.contact(),
                LEAD.project(),
                LEAD.source(),
                new ConsentProof(false, "J'accepte…", "https://lp.example.fr", "203.0.113.9", "Firefox", null));
        var decision = RoutingDecision.decide(
                refused,
                LeadStatus.PENDING,
                List.of(),
                new RoutingDecision.Candidates(
                        List.of(commande("k1", "c1", Entity.ZR7, Product.PV, List.of("*"))),
                        Set.of("c1"),
                        Set.of(),
                        Set.of()),
                DAY);
        assertThat(decision.state()).isEqualTo(RoutingState.NO_CONSENT);
        assertThat(decision.eligibleCommandeIds()).isEmpty();
        assertThat(decision.reason()).isEqualTo("no_consent: rgpd_consent false");
        // the sample lead consents; a lead without the flag is not a refusal (intake records it as given)
        assertThat(LEAD.consent().refused()).isFalse();
        assertThat(new ConsentProof(null, null, null, null, null, null).refused())
                .isFalse();
    }

    @Test
    void dropsDuplicateAndRejectingClientsAndInactiveOnes() {
        var decision = decide(
                List.of(
                        commande("k1", "c1", Entity.ZR7, Product.PV, List.of("75")),
                        commande("k2", "c2", Entity.ZR7, Product.PV, List.of("75")),
                        commande("k9", "c9", Entity.ZR7, Product.PV, List.of("75"))),
                Set.of("c1"),
                Set.of("c2"));
        assertThat(decision.state()).isEqualTo(RoutingState.NO_ORDER);
        assertThat(decision.eligibleCommandeIds()).isEmpty();
    }

    @Test
    void respectsTheValidityPeriod() {
        Commande ended = new Commande(
                "k1",
                Entity.ZR7,
                "c1",
                Product.PV,
                List.of("75"),
                10,
                List.of(DeliveryDay.MON),
                0,
                1,
                false,
                LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-11-19"),
                true,
                null);
        Commande future = new Commande(
                "k2",
                Entity.ZR7,
                "c2",
                Product.PV,
                List.of("75"),
                10,
                List.of(DeliveryDay.MON),
                0,
                1,
                false,
                LocalDate.parse("2026-11-21"),
                null,
                true,
                null);
        assertThat(decide(List.of(ended, future), Set.of(), Set.of()).state()).isEqualTo(RoutingState.NO_ORDER);
    }

    @Test
    void keepsLeadsThatAreNotPendingOutOfDistribution() {
        var none = new RoutingDecision.Candidates(List.of(), Set.of(), Set.of(), Set.of());
        assertThat(RoutingDecision.decide(LEAD, LeadStatus.INVALID_PHONE, List.of(), none, DAY)
                        .state())
                .isEqualTo(RoutingState.INVALID);
        assertThat(RoutingDecision.decide(LEAD, LeadStatus.MISSING_REQUIRED, List.of("nom"), none, DAY)
                        .reason())
                .isEqualTo("missing_required: nom");
        assertThat(RoutingDecision.decide(LEAD, LeadStatus.ORPHAN, List.of(), none, DAY)
                        .state())
                .isEqualTo(RoutingState.ORPHAN);
        assertThat(RoutingDecision.decide(LEAD, LeadStatus.DOUBLE_SUBMIT, List.of(), none, DAY)
                        .state())
                .isEqualTo(RoutingState.DOUBLE_SUBMIT);
    }

    static java.util.List<fr.rdz.rules.BoundaryCases.InForceCase> inForceCases() {
        return fr.rdz.rules.BoundaryCases.inForceCases();
    }

    /** The shared validity boundary: delivery-service's planner serves a commande on exactly these days. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("inForceCases")
    void aCommandeTakesTheLeadExactlyWhenTheSharedValiditySaysSo(fr.rdz.rules.BoundaryCases.InForceCase c) {
        Commande commande = new Commande(
                "k1",
                Entity.ZR7,
                "c1",
                Product.PV,
                List.of("75"),
                10,
                List.of(DeliveryDay.MON),
                0,
                1,
                false,
                c.startsOn(),
                c.endsOn(),
                true,
                null);
        RoutingDecision decision = RoutingDecision.decide(
                LEAD,
                LeadStatus.PENDING,
                List.of(),
                new RoutingDecision.Candidates(List.of(commande), Set.of("c1"), Set.of(), Set.of()),
                c.day());
        assertThat(decision.state()).isEqualTo(c.inForce() ? RoutingState.FRESH : RoutingState.NO_ORDER);
    }
}
