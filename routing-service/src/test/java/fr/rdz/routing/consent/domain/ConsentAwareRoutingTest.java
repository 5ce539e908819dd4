package fr.rdz.routing.consent.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.events.DeliveryDay;
import fr.rdz.events.Entity;
import fr.rdz.events.Product;
import fr.rdz.events.RoutingState;
import fr.rdz.routing.catalog.domain.Commande;
import fr.rdz.routing.lead.domain.RoutingDecision;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsentAwareRoutingTest {

    static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    static Commande commande(String id, String clientId) {
        return new Commande(
                id,
                Entity.ZR7,
                clientId,
                Product.PV,
                List.of("*"),
                10,
                List.of(DeliveryDay.values()),
                0,
                1,
                false,
                LocalDate.of(2026, 1, 1),
                null,
                true,
                AT);
    }

    static ConsentText text(List<String> clients, List<PartnerGroup> groups) {
        String wording = "J'accepte d'être recontacté(e) par les partenaires nommés.";
        return new ConsentText("CT-001", Entity.ZR7, wording, WordingHash.of(wording), clients, groups, null, null, AT);
    }

    private final List<Commande> commandes = List.of(commande("cA", "A"), commande("cB", "B"), commande("cG", "G"));
    private final RoutingDecision fresh = new RoutingDecision(RoutingState.FRESH, List.of("cA", "cB", "cG"), null);

    @Test
    void keepsOnlyTheCommandesOfClientsNamedDirectlyOrThroughAGroup() {
        ConsentCoverage coverage =
                ConsentCoverage.of(text(List.of("A"), List.of(new PartnerGroup("Installateurs", List.of("G")))));
        ConsentAwareRouting routing = ConsentAwareRouting.apply(fresh, commandes, coverage);
        assertThat(routing.decision().eligibleCommandeIds()).containsExactly("cA", "cG");
        assertThat(routing.excluded()).extracting(Commande::id).containsExactly("cB");
        assertThat(ConsentAwareRouting.why(routing.excluded().get(0), coverage))
                .startsWith("not_covered_by_consent: hors consentement")
                .contains("CT-001", "B");
    }

    @Test
    void aLeadWhoseTextNamesNoMatchingClientHasNoOrderBecauseOfConsent() {
        ConsentAwareRouting routing =
                ConsentAwareRouting.apply(fresh, commandes, ConsentCoverage.of(text(List.of("Z"), List.of())));
        assertThat(routing.decision().state()).isEqualTo(RoutingState.NO_ORDER);
        assertThat(routing.decision().reason()).isEqualTo(ConsentCoverage.NOT_COVERED);
        assertThat(routing.excluded()).hasSize(3);
    }

    @Test
    void legacyAndUnknownVersionsKeepTodaysDecision() {
        assertThat(ConsentAwareRouting.apply(fresh, commandes, ConsentCoverage.unrestricted())
                        .decision())
                .isEqualTo(fresh);
        ConsentCoverage unknown = ConsentCoverage.unknown("CT-404");
        assertThat(ConsentAwareRouting.apply(fresh, commandes, unknown).decision())
                .isEqualTo(fresh);
        assertThat(unknown.unknownVersion()).isTrue();
        assertThat(unknown.wire()).isNull();
    }

    @Test
    void aConsentGivenOutsideTheTextsValidityIsFlaggedAndStillRestricted() {
        String wording = "J'accepte.";
        ConsentText dated = new ConsentText(
                "CT-002",
                Entity.ZR7,
                wording,
                WordingHash.of(wording),
                List.of("A"),
                List.of(),
                LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 30),
                AT);
        assertThat(ConsentCoverage.of(dated, LocalDate.of(2026, 11, 1)).warning())
                .isNull();
        assertThat(ConsentCoverage.of(dated, LocalDate.of(2026, 11, 30)).warning())
                .isNull();
        ConsentCoverage late = ConsentCoverage.of(dated, LocalDate.of(2026, 12, 1));
        assertThat(late.warning())
                .startsWith("consent_text_out_of_validity: CT-002")
                .contains("2026-12-01");
        assertThat(late.covers("A")).isTrue();
        assertThat(late.covers("B")).isFalse();
        assertThat(ConsentCoverage.of(dated, LocalDate.of(2026, 10, 31)).warning())
                .isNotNull();
    }

    @Test
    void theHashIsTheSha256OfTheExactWording() {
        assertThat(WordingHash.of("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(WordingHash.of("J'accepte.")).isNotEqualTo(WordingHash.of("J’accepte."));
    }
}
