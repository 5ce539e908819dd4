package fr.rdz.routing.lead.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.events.Product;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

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
        assertThat(DuplicateRule.isDuplicate(
                        PHONE, Product.PV, "c1", List.of(deliveredDaysAgo(30, "c1", Product.PV)), NOW))
                .isFalse();
        assertThat(DuplicateRule.isDuplicate(
                        PHONE,
                        Product.PV,
                        "c1",
                        List.of(new DuplicateRule.Delivery(
                                PHONE,
                                Product.PV,
                                "c1",
                                NOW.minus(Duration.ofDays(30)).plusSeconds(1))),
                        NOW))
                .isTrue();
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
