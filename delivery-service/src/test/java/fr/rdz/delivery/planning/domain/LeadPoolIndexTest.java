package fr.rdz.delivery.planning.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.events.Entity;
import fr.rdz.events.Product;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeadPoolIndexTest {

    private static final Instant REF = Instant.parse("2026-11-16T08:30:00Z");

    @Test
    void takenLeadsAreSkippedByLaterWalks() {
        List<PoolLead> pool = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            pool.add(new PoolLead(
                    "l" + i,
                    Entity.ZR7,
                    Product.PV,
                    i % 2 == 0 ? "75" : "92",
                    "060000000" + i,
                    REF.minusSeconds(1000 - i),
                    List.of(),
                    Set.of()));
        }
        LeadPoolIndex index = LeadPoolIndex.build(pool, EnumSet.of(Entity.ZR7), new LeadAge(REF));

        LeadPoolIndex.Candidates first = index.candidates(Entity.ZR7, Product.PV, LeadAge.Kind.FRESH, List.of("*"));
        index.take(first.next()); // l0
        first.next(); // l1 skipped, not taken
        index.take(first.next()); // l2

        LeadPoolIndex.Candidates second =
                index.candidates(Entity.ZR7, Product.PV, LeadAge.Kind.FRESH, List.of("75", "92"));
        List<String> seen = new ArrayList<>();
        for (int p = second.next(); p >= 0; p = second.next()) {
            seen.add(index.lead(p).leadId());
        }
        assertThat(seen).containsExactly("l1", "l3", "l4", "l5");
    }
}
