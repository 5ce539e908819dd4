package fr.rdz.routing.lead.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.events.Product;
import fr.rdz.rules.BoundaryCases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DuplicateRuleTest {

    private static final Instant NOW = Instant.parse("2026-11-20T09:30:00Z");
    private static final String PHONE = "0612345678";

    private static DuplicateRule.Delivery deliveredDaysAgo(long days, String client, Product product) {
        return new DuplicateRule.Delivery(PHONE, product, client, NOW.minus(Duration.ofDays(days)));
    }

    @Test
    void samePhoneAndProductDeliveredToTheClientWithinThirtyDaysIsADuplicate() {
        assertThat(DuplicateRule.isDuplicate(
                        PHONE, Product.PV, "c1", List.of(deliveredDaysAgo(10, "c1", Product.PV)), NOW))
                .isTrue();
    }

    @Test
    void aDeliveryMoreThanThirtyDaysAgoNoLongerBars() {
        assertThat(DuplicateRule.isDuplicate(
                        PHONE, Product.PV, "c1", List.of(deliveredDaysAgo(31, "c1", Product.PV)), NOW))
                .isFalse();
    }

    static List<BoundaryCases.DuplicateCase> boundary() {
        return BoundaryCases.duplicateCases();
    }

    /** The shared boundary of the 30-day window: delivery-service's planner answers the same cases. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("boundary")
    void answersTheSharedThirtyDayBoundaryCases(BoundaryCases.DuplicateCase c) {
        var ledger = List.of(new DuplicateRule.Delivery(PHONE, Product.PV, "c1", c.deliveredAt()));
        assertThat(DuplicateRule.isDuplicate(PHONE, Product.PV, "c1", ledger, c.reference()))
                .isEqualTo(c.duplicate());
        assertThat(c.deliveredAt().isBefore(DuplicateRule.windowStart(c.reference())))
                .as("the ledger query's lower bound (deliveredAt >= windowStart) keeps the delivery")
                .isEqualTo(!c.duplicate());
    }

    @Test
    void anotherProductOrAnotherClientIsNotADuplicate() {
        var ledger = List.of(deliveredDaysAgo(1, "c1", Product.PAC));
        assertThat(DuplicateRule.isDuplicate(PHONE, Product.PV, "c1", ledger, NOW))
                .isFalse();
        assertThat(DuplicateRule.isDuplicate(PHONE, Product.PAC, "c2", ledger, NOW))
                .isFalse();
        assertThat(DuplicateRule.isDuplicate("0699999999", Product.PAC, "c1", ledger, NOW))
                .isFalse();
    }

    @Test
    void namesEveryBarredClient() {
        var ledger = List.of(
                deliveredDaysAgo(1, "c1", Product.PV),
                deliveredDaysAgo(29, "c2", Product.PV),
                deliveredDaysAgo(45, "c3", Product.PV));
        assertThat(DuplicateRule.barredClients(PHONE, Product.PV, ledger, NOW)).containsExactlyInAnyOrder("c1", "c2");
    }
}
