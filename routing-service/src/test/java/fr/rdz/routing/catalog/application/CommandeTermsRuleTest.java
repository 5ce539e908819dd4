package fr.rdz.routing.catalog.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdz.events.DeliveryDay;
import fr.rdz.events.Entity;
import fr.rdz.events.Product;
import fr.rdz.routing.shared.domain.InvalidInput;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandeTermsRuleTest {

    private static final LocalDate NOV_10 = LocalDate.parse("2026-11-10");

    @Test
    void acceptsTermsAtTheirBoundsAndReturnsTheDepartementsAsStored() {
        CommandeTerms terms = new CommandeTerms(
                Entity.ZR7,
                "c-1",
                Product.PV,
                List.of(" 75", "2a", "1", "75"),
                0,
                List.of(DeliveryDay.MON),
                100,
                0,
                null,
                NOV_10,
                NOV_10,
                null);
        assertThat(CommandeTermsRule.check(terms)).containsExactly("75", "2A", "01");
        assertThat(CommandeTermsRule.check(valid().lbShare(0).terms())).containsExactly("75");
    }

    @Test
    void refusesEachBrokenTermWithItsMessage() {
        refused(valid().entity(null), "entity is required (ZR7 or MDL)");
        refused(valid().client(" "), "client_id is required (the id returned by POST /admin/clients)");
        refused(valid().product(null), "product is required (PV, PAC or ITE)");
        refused(valid().departements(List.of()), "departements must list at least one département, or [\"*\"] for all");
        refused(
                valid().departements(List.of("75", "20")),
                "unknown département: '20' (expected 01 to 95, 2A, 2B, or \"*\" for all)");
        refused(
                valid().departements(List.of("*", "75")),
                "departements: \"*\" means all and cannot be combined with other values");
        refused(valid().quota(null), "weekly_quota is required (0 or more leads per week)");
        refused(valid().quota(-1), "weekly_quota must be 0 or more, got -1");
        refused(valid().lbShare(101), "lb_max_percent must be between 0 and 100, got 101");
        refused(valid().lbShare(-1), "lb_max_percent must be between 0 and 100, got -1");
        refused(
                valid().days(List.of()),
                "delivery_days must list at least one day among MON, TUE, WED, THU, FRI, SAT, SUN");
        refused(valid().days(null), "delivery_days must list at least one day among MON, TUE, WED, THU, FRI, SAT, SUN");
        refused(valid().period(NOV_10, NOV_10.minusDays(1)), "ends_on (2026-11-09) is before starts_on (2026-11-10)");
        refused(valid().priority(-1), "priority must be 0 or more");
    }

    @Test
    void refusesEveryBrokenTermAtOnceEachUnderItsFieldInTheOrderOfTheRule() {
        Terms allBroken = new Terms(null, "", null, List.of("99"), -1, List.of(), 150, -1, NOV_10, NOV_10.minusDays(1));
        assertThatThrownBy(() -> CommandeTermsRule.check(allBroken.terms()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.violations())
                            .extracting(InvalidInput.Violation::name)
                            .containsExactly(
                                    "entity",
                                    "client_id",
                                    "product",
                                    "departements",
                                    "weekly_quota",
                                    "lb_max_percent",
                                    "delivery_days",
                                    "ends_on",
                                    "priority");
                    assertThat(e.violations().get(3).reason()).startsWith("unknown département: '99'");
                    assertThat(e.getMessage())
                            .startsWith("entity is required (ZR7 or MDL); client_id is required")
                            .endsWith("; priority must be 0 or more");
                });
        Terms twoBroken = valid().quota(null).priority(-1);
        assertThatThrownBy(() -> CommandeTermsRule.check(twoBroken.terms()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations())
                        .containsExactly(
                                new InvalidInput.Violation(
                                        "weekly_quota", "weekly_quota is required (0 or more leads per week)"),
                                new InvalidInput.Violation("priority", "priority must be 0 or more")));
    }

    /** {@code terms} break exactly one rule: refused with that one message, as the whole detail. */
    private static void refused(Terms terms, String message) {
        assertThatThrownBy(() -> CommandeTermsRule.check(terms.terms()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.violations())
                            .singleElement()
                            .extracting(InvalidInput.Violation::reason)
                            .isEqualTo(message);
                });
    }

    private static Terms valid() {
        return new Terms(
                Entity.ZR7, "c-1", Product.PV, List.of("75"), 10, List.of(DeliveryDay.MON), null, null, null, null);
    }

    /** The terms the rule reads, changed one at a time. */
    private record Terms(
            Entity entity,
            String client,
            Product product,
            List<String> departements,
            Integer quota,
            List<DeliveryDay> days,
            Integer lbShare,
            Integer priority,
            LocalDate startsOn,
            LocalDate endsOn) {

        Terms entity(Entity e) {
            return new Terms(e, client, product, departements, quota, days, lbShare, priority, startsOn, endsOn);
        }

        Terms client(String c) {
            return new Terms(entity, c, product, departements, quota, days, lbShare, priority, startsOn, endsOn);
        }

        Terms product(Product p) {
            return new Terms(entity, client, p, departements, quota, days, lbShare, priority, startsOn, endsOn);
        }

        Terms departements(List<String> d) {
            return new Terms(entity, client, product, d, quota, days, lbShare, priority, startsOn, endsOn);
        }

        Terms quota(Integer q) {
            return new Terms(entity, client, product, departements, q, days, lbShare, priority, startsOn, endsOn);
        }

        Terms days(List<DeliveryDay> d) {
            return new Terms(entity, client, product, departements, quota, d, lbShare, priority, startsOn, endsOn);
        }

        Terms lbShare(Integer l) {
            return new Terms(entity, client, product, departements, quota, days, l, priority, startsOn, endsOn);
        }

        Terms priority(Integer p) {
            return new Terms(entity, client, product, departements, quota, days, lbShare, p, startsOn, endsOn);
        }

        Terms period(LocalDate start, LocalDate end) {
            return new Terms(entity, client, product, departements, quota, days, lbShare, priority, start, end);
        }

        CommandeTerms terms() {
            return new CommandeTerms(
                    entity,
                    client,
                    product,
                    departements,
                    quota,
                    days,
                    lbShare,
                    priority,
                    null,
                    startsOn,
                    endsOn,
                    null);
        }
    }
}
