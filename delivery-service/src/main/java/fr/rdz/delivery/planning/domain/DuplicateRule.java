package fr.rdz.delivery.planning.domain;

import fr.rdz.events.Product;
import fr.rdz.rules.ThirtyDayWindow;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The 30-day duplicate rule (spec §5.4): a lead is a duplicate for a client when the same phone and
 * product were delivered to that client in the 30 days before the reference ({@link ThirtyDayWindow},
 * shared with routing: calendar days in Paris, boundary included: a delivery on D−30 at the run time
 * still counts), or earlier in this very run
 * (so one batch never holds two leads with one phone).
 */
public final class DuplicateRule {

    private final Set<String> delivered = new HashSet<>();

    private DuplicateRule() {}

    public static DuplicateRule from(Collection<Delivery> ledger, Instant reference) {
        DuplicateRule rule = new DuplicateRule();
        for (Delivery d : ledger) {
            if (d.phone() != null && ThirtyDayWindow.counts(d.deliveredAt(), reference)) {
                rule.record(d.clientId(), d.product(), d.phone());
            }
        }
        return rule;
    }

    public boolean isDuplicate(String clientId, Product product, String phone) {
        return delivered.contains(key(clientId, product, phone));
    }

    /** Remembers a delivery planned by the run itself. */
    public void record(String clientId, Product product, String phone) {
        delivered.add(key(clientId, product, phone));
    }

    private static String key(String clientId, Product product, String phone) {
        return clientId + '|' + product + '|' + phone;
    }
}
