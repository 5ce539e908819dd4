package fr.rdz.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SharedRulesTest {

    static List<BoundaryCases.DuplicateCase> duplicates() {
        return BoundaryCases.duplicateCases();
    }

    static List<BoundaryCases.FreshCase> fresh() {
        return BoundaryCases.freshCases();
    }

    static List<BoundaryCases.InForceCase> inForce() {
        return BoundaryCases.inForceCases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("duplicates")
    void thirtyDayWindowCountsADeliveryFromItsFirstInstant(BoundaryCases.DuplicateCase c) {
        assertThat(ThirtyDayWindow.counts(c.deliveredAt(), c.reference())).isEqualTo(c.duplicate());
        assertThat(ThirtyDayWindow.blocksRedelivery(c.deliveredAt(), c.reference()))
                .isEqualTo(c.duplicate());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fresh")
    void freshWindowIncludesItsFirstInstant(BoundaryCases.FreshCase c) {
        assertThat(FreshWindow.isFresh(c.receivedAt(), c.reference())).isEqualTo(c.fresh());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inForce")
    void commandeIsInForceFromItsFirstToItsLastDayIncluded(BoundaryCases.InForceCase c) {
        assertThat(CommandeInForce.on(c.day(), true, c.startsOn(), c.endsOn())).isEqualTo(c.inForce());
        assertThat(CommandeInForce.on(c.day(), false, c.startsOn(), c.endsOn())).isFalse();
    }

    @Test
    void aDeliveryAtOrAfterTheReferenceIsNotADuplicateForThatRunButStillBlocksRedelivery() {
        Instant reference = BoundaryCases.REFERENCE;
        assertThat(ThirtyDayWindow.counts(reference, reference)).isFalse();
        assertThat(ThirtyDayWindow.blocksRedelivery(reference.plusSeconds(3600), reference))
                .isTrue();
    }

    @Test
    void aDeliveryCountsUntilThirtyParisDaysLaterIncluded() {
        Instant delivered = ParisCalendar.daysBefore(BoundaryCases.AFTER_DST, 30);
        Instant last = ThirtyDayWindow.lastInstantCounted(delivered);
        assertThat(last).isEqualTo(BoundaryCases.AFTER_DST);
        assertThat(ThirtyDayWindow.counts(delivered, last)).isTrue();
        assertThat(ThirtyDayWindow.counts(delivered, last.plusNanos(1))).isFalse();
    }

    @Test
    void theRunIsAtHalfPastNineInParisInWinterAndInSummer() {
        assertThat(ParisCalendar.runReference(LocalDate.of(2026, 1, 15)))
                .isEqualTo(Instant.parse("2026-01-15T08:30:00Z"));
        assertThat(ParisCalendar.runReference(LocalDate.of(2026, 7, 15)))
                .isEqualTo(Instant.parse("2026-07-15T07:30:00Z"));
    }

    @Test
    void commandesAreServedByPriorityThenCreationTimeThenId() {
        record C(String id, int priority, Instant createdAt) {}
        List<C> served = java.util.stream.Stream.of(
                        new C("b", 1, null),
                        new C("c", 1, Instant.parse("2026-01-02T00:00:00Z")),
                        new C("a", 2, Instant.parse("2026-01-01T00:00:00Z")),
                        new C("d", 1, Instant.parse("2026-01-01T00:00:00Z")),
                        new C("e", 1, Instant.parse("2026-01-01T00:00:00Z")))
                .sorted(CommandeInForce.serviceOrder(C::priority, C::createdAt, C::id))
                .toList();
        assertThat(served).extracting(C::id).containsExactly("d", "e", "c", "b", "a");
    }
}
